package dk.firmafon.core;

import java.util.function.LongConsumer;
import reactor.util.context.Context;

/**
 * Learn the size of a download before its bytes: put a listener in the subscriber's context, and every download
 * (voice mails, call recordings, {@link FirmafonClient#download}) tells it the length the server declared, once the
 * response head has arrived and before the first byte, or {@code -1} when none was declared. For a progress display
 * with a time left:
 *
 * <pre>{@code
 * voiceMails.download(id)
 *         .contextWrite(DownloadSize.listener(size -> progress.setMax(size)))
 * }</pre>
 *
 * <p>Called on an I/O thread: keep it quick and never block.
 */
public final class DownloadSize {
    /** The context key the listener is kept under. */
    public static final Object KEY = DownloadSize.class;

    private DownloadSize() {}

    /** A context holding {@code listener}, for {@code contextWrite}. */
    public static Context listener(LongConsumer listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        return Context.of(KEY, listener);
    }

    /** A declared {@code Content-Length}, or {@code -1} when absent or not a non-negative number. */
    public static long parse(@org.jspecify.annotations.Nullable String declared) {
        if (declared == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length < 0 ? -1 : length;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
