package dk.firmafon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets so that only their owner can read them from the first byte on: POSIX {@code 600}
 * in a {@code 700} directory (created if missing), written to a temporary file and moved into place atomically.
 */
final class PrivateFile {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFile() {}

    static void write(Path path, byte[] content) {
        Path directory = path.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            createDirectory(directory, posix);
            Path temporary = directory.resolve(path.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel channel = Files.newByteChannel(
                    temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            if (!posix) {
                ownerOnly(temporary);
            }
            Files.move(
                    temporary,
                    path.toAbsolutePath(),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The error for a private file ({@code what}, such as "the token file") that cannot be read: an I/O failure with
     * its message (a path, a permission), a damaged JSON document with where the parser stopped, never the parser's
     * message, which quotes the text it could not read (a token, a PKCE verifier).
     */
    static ConfigurationException unreadable(String what, Path path, IOException e, String remedy) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            com.fasterxml.jackson.core.JsonLocation at = json.getLocation();
            return new ConfigurationException(what + " " + path + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + remedy);
        }
        return new ConfigurationException("cannot read " + what + " " + path + ": " + e.getMessage());
    }

    static boolean delete(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectory(Path directory, boolean posix) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (!posix) {
            Files.createDirectories(directory);
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile: fine
        }
    }

    /** Best effort where POSIX permissions do not exist (Windows): readable and writable by the owner only. */
    private static void ownerOnly(Path file) throws IOException {
        java.io.File handle = file.toFile();
        boolean applied = handle.setReadable(false, false)
                && handle.setReadable(true, true)
                && handle.setWritable(false, false)
                && handle.setWritable(true, true);
        if (!applied) {
            throw new IOException("cannot restrict the permissions of " + file);
        }
    }
}
