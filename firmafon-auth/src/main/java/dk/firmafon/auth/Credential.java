package dk.firmafon.auth;

import java.util.Objects;

/**
 * What one request needs to be authenticated: either a header or a query parameter, produced by an
 * {@link AuthStrategy}. Its {@link #toString()} never shows the value.
 */
public final class Credential {

    /** Where the credential goes on the request. */
    public enum Placement {
        /** A request header, such as {@code Authorization: Bearer ...}. */
        HEADER,
        /** A query parameter, such as {@code access_token=...}. Ends up in server logs; only on explicit request. */
        QUERY_PARAMETER
    }

    private final Placement placement;
    private final String name;
    private final String value;

    private Credential(Placement placement, String name, String value) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A credential sent as the request header {@code name: value}. */
    public static Credential header(String name, String value) {
        return new Credential(Placement.HEADER, name, value);
    }

    /** A credential sent as the query parameter {@code name=value}. */
    public static Credential queryParameter(String name, String value) {
        return new Credential(Placement.QUERY_PARAMETER, name, value);
    }

    /** Whether the credential is sent as a header or as a query parameter. */
    public Placement placement() {
        return placement;
    }

    /** The header or parameter name, e.g. {@code Authorization} or {@code access_token}. */
    public String name() {
        return name;
    }

    /** The secret value, e.g. {@code Bearer abc}. Never log it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential c && c.placement == placement && c.name.equals(name) && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(placement, name, value);
    }

    @Override
    public String toString() {
        return "Credential{" + placement + " " + name + "=[REDACTED]}";
    }
}
