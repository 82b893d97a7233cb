package dk.firmafon.cli;

/** The CLI's configuration (environment, arguments, stored token) cannot be used; the message says why. */
final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message);
    }
}
