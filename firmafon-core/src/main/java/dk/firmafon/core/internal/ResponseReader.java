package dk.firmafon.core.internal;

import org.reactivestreams.Publisher;

/**
 * Turns one response (any status) into the caller's result or error, inside the transport's scope. The body must be
 * consumed (or the publisher terminated) so the connection can be released.
 */
@FunctionalInterface
public interface ResponseReader<R> {
    Publisher<R> read(Attempt call, ResponseHead head, ResponseBody body);
}
