package dk.firmafon.micrometer;

import io.micrometer.observation.transport.RequestReplySenderContext;
import java.util.function.BiConsumer;

/**
 * One attempt of a Firmafon API call, as a sender context: a tracing handler writes its trace context
 * ({@code traceparent}, ...) into the attempt's headers through the carrier.
 */
public final class FirmafonAttemptContext extends RequestReplySenderContext<BiConsumer<String, String>, Integer> {
    private final String method;
    private final String pathTemplate;
    private final int attempt;

    FirmafonAttemptContext(String method, String pathTemplate, int attempt, BiConsumer<String, String> headers) {
        super((carrier, name, value) -> {
            if (carrier != null) {
                carrier.accept(name, value);
            }
        });
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.attempt = attempt;
        setCarrier(headers);
        setRemoteServiceName("firmafon");
    }

    public String method() {
        return method;
    }

    public String pathTemplate() {
        return pathTemplate;
    }

    /** 1 for the first attempt, 2 for the first retry, ... */
    public int attempt() {
        return attempt;
    }

    /** The response status, or 0 when none arrived. */
    public int status() {
        Integer status = getResponse();
        return status == null ? 0 : status;
    }
}
