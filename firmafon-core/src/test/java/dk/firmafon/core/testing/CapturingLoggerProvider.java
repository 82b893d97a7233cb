package dk.firmafon.core.testing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A tiny SLF4J binding for tests: every logger is enabled at DEBUG and up, and the SDK's lines
 * ({@code dk.firmafon.*}) are kept in memory so tests can assert on them (no blocking I/O on event loops).
 */
public final class CapturingLoggerProvider implements SLF4JServiceProvider {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Every SDK line logged so far, as {@code LEVEL message}. */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Netty's leak reports ({@code io.netty.util.ResourceLeakDetector}), kept for the whole test run. */
    public static List<String> leaks() {
        return List.copyOf(LEAKS);
    }

    public static void clear() {
        LINES.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class CapturingLogger extends AbstractLogger {
        private static final long serialVersionUID = 1L;
        private final boolean sdk;
        private final boolean leakDetector;

        CapturingLogger(String name) {
            this.name = name;
            this.sdk = name.startsWith("dk.firmafon");
            this.leakDetector = name.startsWith("io.netty.util.ResourceLeakDetector");
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            if (sdk || leakDetector && level == Level.ERROR) {
                String message = MessageFormatter.basicArrayFormat(pattern, arguments);
                (sdk ? LINES : LEAKS).add(level + " " + message + (throwable == null ? "" : " " + throwable));
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

        @Override
        public boolean isDebugEnabled() {
            return sdk;
        }

        @Override
        public boolean isDebugEnabled(Marker marker) {
            return sdk;
        }

        @Override
        public boolean isInfoEnabled() {
            return sdk;
        }

        @Override
        public boolean isInfoEnabled(Marker marker) {
            return sdk;
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
}
