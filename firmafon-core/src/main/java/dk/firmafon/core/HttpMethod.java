package dk.firmafon.core;

/** The HTTP methods the Firmafon API uses. */
public enum HttpMethod {
    GET(true),
    POST(false),
    PUT(true),
    DELETE(true);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Whether a request with this method may be repeated automatically (GET, PUT, DELETE; never POST). */
    public boolean isIdempotent() {
        return idempotent;
    }
}
