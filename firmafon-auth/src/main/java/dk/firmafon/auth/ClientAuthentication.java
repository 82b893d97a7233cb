package dk.firmafon.auth;

/** How the client id and secret are sent to the token endpoint. */
public enum ClientAuthentication {
    /**
     * {@code client_id} and {@code client_secret} in the {@code application/x-www-form-urlencoded} body with the
     * other parameters (RFC 6749 {@code client_secret_post}). The default.
     */
    CLIENT_SECRET_POST,
    /**
     * {@code Authorization: Basic base64(client_id:client_secret)} (RFC 6749 §2.3.1 {@code client_secret_basic});
     * the body carries the other parameters.
     */
    CLIENT_SECRET_BASIC,
    /**
     * Every parameter, the secret included, in the query string of an empty POST, as the Firmafon documentation
     * shows it. The secret may then end up in server and proxy logs: choose it only for a server that needs it.
     */
    QUERY_PARAMETERS
}
