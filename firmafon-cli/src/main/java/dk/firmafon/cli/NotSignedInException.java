package dk.firmafon.cli;

/** No token is configured for a real service: neither {@code FIRMAFON_TOKEN} nor a stored {@code auth login}. */
final class NotSignedInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSignedInException(String message) {
        super(message);
    }
}
