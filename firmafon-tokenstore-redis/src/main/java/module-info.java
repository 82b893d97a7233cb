/** A {@link dk.firmafon.auth.TokenStore} on Redis (Lettuce, reactive), shared by every instance of a service. */
module dk.firmafon.tokenstore.redis {
    requires transitive dk.firmafon.auth;
    requires transitive lettuce.core;

    exports dk.firmafon.tokenstore.redis;
}
