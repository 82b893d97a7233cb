package dk.firmafon.core.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The head of one response as the pipeline sees it: no transport type, so a decorator is tested without a socket. */
public interface ResponseHead {
    /** The status code. */
    int status();

    /** The reason phrase ({@code OK}, {@code Not Found}), possibly empty. */
    String reason();

    /** The first value of the header {@code name} (case-insensitive), or null. */
    @Nullable
    String header(String name);

    /** Every header, in the order received, names as sent. */
    List<Map.Entry<String, String>> headers();
}
