package dk.firmafon.cli;

/** The CLI's exit codes. */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** The API or the network failed (the message names status, method and URL). */
    static final int FAILURE = 1;
    /** Wrong usage: an unknown command or option, a malformed argument or configuration value. */
    static final int USAGE = 2;
    /**
     * Not signed in, the token was refused (401), or the OAuth flow failed (denied, state mismatch, bad code): set
     * FIRMAFON_TOKEN or run {@code firmafon auth login}.
     */
    static final int AUTHENTICATION = 3;

    private ExitCodes() {}
}
