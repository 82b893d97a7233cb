package dk.firmafon.cli;

import dk.firmafon.core.DownloadSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Saves a download on the CLI's main thread: streamed into a temporary file beside the target (never held whole),
 * moved into place once complete, so an interrupted download leaves no half file under the target's name.
 */
final class Downloads {
    private Downloads() {}

    static long save(Flux<ByteBuffer> body, Path target, @Nullable Progress progress, String task) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path partial;
        try {
            if (directory != null) {
                Files.createDirectories(directory);
            }
            partial = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + target + ": " + e.getMessage(), e);
        }
        long[] written = {0};
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE);
                Progress.Counter counter = progress == null ? Progress.Counter.NONE : progress.bytes(task, -1)) {
            // written on a bounded-elastic thread as the chunks come (the event loop never waits for the disk, and
            // the main thread only waits for the end, bounded: the SDK's own timeouts end a stalled download first)
            body.publishOn(Schedulers.boundedElastic(), 4)
                    .doOnNext(chunk -> {
                        int length = chunk.remaining();
                        try {
                            while (chunk.hasRemaining()) {
                                file.write(chunk);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written[0] += length;
                        counter.step(length);
                    })
                    // the size the server declares, as soon as the response head is in: the display shows the time left
                    .contextWrite(DownloadSize.listener(counter::size))
                    .blockLast(Duration.ofHours(6));
            file.force(false);
        } catch (IOException | UncheckedIOException e) {
            delete(partial);
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new UncheckedIOException("cannot write to " + target + ": " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            delete(partial);
            throw e;
        }
        try {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(partial);
            throw new UncheckedIOException("cannot move the download to " + target + ": " + e.getMessage(), e);
        }
        return written[0];
    }

    private static void delete(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // best effort: the temporary file is hidden and named as such
        }
    }
}
