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
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

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
        long written = 0;
        try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE);
                Progress.Counter counter = progress == null ? Progress.Counter.NONE : progress.bytes(task, -1)) {
            // the size the server declares, as soon as the response head is in: the display shows the time left
            for (ByteBuffer chunk :
                    body.contextWrite(DownloadSize.listener(counter::size)).toIterable(4)) {
                int length = chunk.remaining();
                while (chunk.hasRemaining()) {
                    file.write(chunk);
                }
                written += length;
                counter.step(length);
            }
            file.force(false);
        } catch (IOException e) {
            delete(partial);
            throw new UncheckedIOException("cannot write to " + target + ": " + e.getMessage(), e);
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
        return written;
    }

    private static void delete(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // best effort: the temporary file is hidden and named as such
        }
    }
}
