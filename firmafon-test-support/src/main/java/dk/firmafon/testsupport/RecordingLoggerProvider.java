package dk.firmafon.testsupport;

import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of every module's tests: each enabled line is handed to the secrets guard, the SDK's lines
 * ({@code dk.firmafon.*}) are kept for {@link CapturedLogs}, and WARN and ERROR lines are printed to
 * {@code System.err}. Every logger is enabled from DEBUG (Reactor Netty's and Netty's included: a library's debug
 * line that printed a token is a leak too), but the test servers' (WireMock, Jetty), which legitimately receive
 * credentials: their lines are neither enabled at DEBUG nor scanned.
 */
public final class RecordingLoggerProvider implements SLF4JServiceProvider {
    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, RecordingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

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
    public void initialize() {}
}
