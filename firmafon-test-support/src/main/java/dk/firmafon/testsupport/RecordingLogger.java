package dk.firmafon.testsupport;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One logger of {@link RecordingLoggerProvider}. */
final class RecordingLogger extends AbstractLogger {
    private static final long serialVersionUID = 1L;
    private static final List<String> SERVER_SIDE = List.of(
            "WireMock",
            "com.github.tomakehurst.wiremock",
            "org.wiremock",
            "wiremock.",
            "org.eclipse.jetty",
            "org.littleshoot.proxy");

    private final boolean sdk;
    private final boolean serverSide;

    RecordingLogger(String name) {
        this.name = name;
        this.sdk = name.startsWith("dk.firmafon.") && !name.startsWith("dk.firmafon.testkit");
        this.serverSide = SERVER_SIDE.stream().anyMatch(name::startsWith);
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level,
            @Nullable Marker marker,
            String pattern,
            Object @Nullable [] arguments,
            @Nullable Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String thread = Thread.currentThread().getName();
        if (!serverSide) {
            Evidence.logLine(name, level.name(), thread, message);
            if (throwable != null) {
                Evidence.throwable("a throwable logged at " + level + " by logger " + name, throwable);
            }
        }
        if (!serverSide && (level == Level.WARN || level == Level.ERROR)) {
            CapturedLogs.warning(name + " " + level + " " + message + (throwable == null ? "" : " " + throwable));
        }
        if (sdk) {
            CapturedLogs.add(level + " " + message + (throwable == null ? "" : " " + throwable));
        }
        if (level.toInt() >= Level.WARN.toInt()) {
            StringWriter line = new StringWriter();
            line.append('[')
                    .append(thread)
                    .append("] ")
                    .append(level.name())
                    .append(' ')
                    .append(name)
                    .append(" - ")
                    .append(message)
                    .append(System.lineSeparator());
            if (throwable != null) {
                throwable.printStackTrace(new PrintWriter(line));
            }
            System.err.print(line);
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return false;
    }

    /** Every logger but the test servers' logs DEBUG, so the secrets guard sees what a library prints there too. */
    @Override
    public boolean isDebugEnabled() {
        return !serverSide;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return !serverSide;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
