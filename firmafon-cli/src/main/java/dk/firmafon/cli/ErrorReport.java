package dk.firmafon.cli;

import dk.firmafon.error.AuthenticationException;
import dk.firmafon.error.FirmafonException;
import dk.firmafon.error.OAuthException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import reactor.core.Exceptions;

/**
 * Turns a failed command into one line on stderr (what failed: status, method, redacted URL and the service's
 * message, as the SDK's exceptions word it) and an exit code; the stack trace only with {@code --debug}.
 */
final class ErrorReport implements IExecutionExceptionHandler {
    private final CliContext context;

    ErrorReport(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        Throwable error = Exceptions.unwrap(exception);
        PrintWriter err = commandLine.getErr();
        err.println("firmafon: " + describe(error));
        if (context.debug()) {
            error.printStackTrace(err);
        }
        err.flush();
        return exitCode(error);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        if (error instanceof AuthenticationException) {
            return oneLine(message == null ? "401" : message)
                    + " - the token was refused: check FIRMAFON_TOKEN, or the profile's token ('firmafon config"
                    + " list'), or sign in again ('firmafon auth login')";
        }
        if (error instanceof FirmafonException
                || error instanceof ConfigurationException
                || error instanceof IllegalArgumentException) {
            return message == null ? error.getClass().getSimpleName() : oneLine(message);
        }
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
    }

    static int exitCode(Throwable error) {
        if (error instanceof ConfigurationException || error instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (error instanceof NotSignedInException
                || error instanceof AuthenticationException
                || error instanceof OAuthException) {
            return ExitCodes.AUTHENTICATION;
        }
        return ExitCodes.FAILURE;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
