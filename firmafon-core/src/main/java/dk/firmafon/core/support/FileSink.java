package dk.firmafon.core.support;

import dk.firmafon.error.FirmafonIoException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a byte stream to a file without blocking a Reactor thread: opening, every write and closing run on
 * {@link Schedulers#boundedElastic()}, with at most {@link #IN_FLIGHT} buffers queued between the network and
 * the disk. On error or cancellation the partial file is deleted.
 */
public final class FileSink {
    /** Buffers requested ahead of the disk: enough to keep the disk busy, few enough to keep memory flat. */
    static final int IN_FLIGHT = 8;

    private FileSink() {}

    /** Writes {@code body} to {@code file} (created or truncated); emits the number of bytes written once closed. */
    public static Mono<Long> write(Flux<ByteBuffer> body, Path file) {
        return Mono.usingWhen(
                onDisk(
                                () -> FileChannel.open(
                                        file,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.TRUNCATE_EXISTING,
                                        StandardOpenOption.WRITE),
                                file)
                        // cancelled while opening: the channel arrives after nobody wants it; nobody to tell either
                        .doOnDiscard(FileChannel.class, orphan -> closeAndDelete(orphan, file)
                                .onErrorResume(ignored -> Mono.empty())
                                .subscribe()),
                channel -> body.publishOn(Schedulers.boundedElastic(), IN_FLIGHT)
                        .reduce(0L, (written, buffer) -> written + writeFully(channel, buffer, file)),
                channel -> onDisk(
                        () -> {
                            channel.close();
                            return file;
                        },
                        file),
                (channel, error) -> closeAndDelete(channel, file),
                channel -> closeAndDelete(channel, file));
    }

    private static Mono<Path> closeAndDelete(FileChannel channel, Path file) {
        return onDisk(
                () -> {
                    try {
                        channel.close();
                    } finally {
                        Files.deleteIfExists(file);
                    }
                    return file;
                },
                file);
    }

    private static long writeFully(FileChannel channel, ByteBuffer buffer, Path file) {
        long written = 0;
        try {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
        } catch (IOException e) {
            throw failed(file, e);
        }
        return written;
    }

    private static <T> Mono<T> onDisk(IoCallable<T> action, Path file) {
        return Mono.fromCallable(() -> {
                    try {
                        return action.call();
                    } catch (IOException e) {
                        throw failed(file, e);
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static FirmafonIoException failed(Path file, IOException cause) {
        return new FirmafonIoException("writing " + file + " failed: " + cause, cause);
    }

    @FunctionalInterface
    private interface IoCallable<T> {
        T call() throws IOException;
    }
}
