package org.pobox.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data dir>/node.pid}: the pid and HTTP port of the node that owns the data dir, so that
 * {@code pobox node stop|status} in another process can find a node started by {@code pobox node start}.
 * Two lines: pid, then port. A file whose process is gone (or is no pobox node) counts as absent.
 */
final class PidFile {

    /** The launcher's main class: a live pid whose command line lacks it is a reused pid, not our node. */
    static final String LAUNCHER = "org.pobox.node.launcher.NodeMain";

    record Entry(long pid, int port) {
    }

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("node.pid");
    }

    Path path() {
        return file;
    }

    /** The recorded node, only if its process is alive and is a pobox node. */
    Optional<Entry> live() {
        return read().filter(entry -> ProcessHandle.of(entry.pid()).map(PidFile::isNode).orElse(false));
    }

    Optional<Entry> read() {
        try {
            List<String> lines = Files.readAllLines(file);
            return Optional.of(new Entry(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(1).trim())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing, half-written by hand or garbled: no usable record
        }
    }

    void write(long pid, int port) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, pid + "\n" + port + "\n");
            // readers in other processes see the old file or the new one, never half of one
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if it still names this pid (a newer node may have replaced it). */
    void deleteIfOwnedBy(long pid) {
        if (read().map(entry -> entry.pid() == pid).orElse(true)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    static boolean isNode(ProcessHandle process) {
        // commandLine() is empty when the OS hides it; then trust the pid file
        return process.isAlive() && process.info().commandLine().map(c -> c.contains(LAUNCHER)).orElse(true);
    }
}
