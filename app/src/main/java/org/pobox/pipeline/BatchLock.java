package org.pobox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One batch at a time. The lock is an OS file lock on {@code data/batch.lock}, which the kernel
 * releases when the holder dies however it dies (kill -9 included): a lock file left by a dead run
 * is therefore simply taken over. The file holds the holder's pid and command, for the message a
 * second run prints and for {@code pobox status}.
 */
public final class BatchLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final String previousHolder;

    private BatchLock(FileChannel channel, FileLock lock, String previousHolder) {
        this.channel = channel;
        this.lock = lock;
        this.previousHolder = previousHolder;
    }

    /** The lock for a batch, or empty when another live process holds it. */
    public static Optional<BatchLock> tryAcquire(Path file) {
        return tryAcquire(file, "batch");
    }

    /** The lock for {@code command} (batch, run, reindex: said by {@code pobox status}), or empty when held. */
    public static Optional<BatchLock> tryAcquire(Path file, String command) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            String previous = readHolder(ch);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return Optional.of(new BatchLock(ch, lock, previous));
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the batch lock " + file, e);
        }
    }

    /** Whether a live process holds the lock now; the lock file is left as it is. */
    public static boolean isHeld(Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The pid written in the lock file by whoever holds it (or held it last). */
    /** The pid written in the lock file by whoever holds it (or held it last). */
    public static String holder(Path file) {
        String[] pidAndCommand = written(file);
        return pidAndCommand.length > 0 ? pidAndCommand[0] : "";
    }

    /** What holds the lock, for {@code pobox status}: "a batch is running (pid N)", or a run or reindex. */
    public static String holderDoing(Path file) {
        String[] pidAndCommand = written(file);
        String pid = pidAndCommand.length > 0 ? pidAndCommand[0] : "";
        return switch (pidAndCommand.length > 1 ? pidAndCommand[1] : "batch") {
            case "run" -> "pobox run is watching the inbox (pid " + pid + ")";
            case "reindex" -> "a reindex is running (pid " + pid + ")";
            default -> "a batch is running (pid " + pid + ")";
        };
    }

    private static String[] written(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
            return text.isEmpty() ? new String[0] : text.split("\\s+");
        } catch (IOException e) {
            return new String[0];
        }
    }

    /** The pid a dead run left in the lock file, empty when the lock was free and clean. */
    public String takenOverFrom() {
        return previousHolder;
    }

    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        ch.read(buf, 0);
        String written = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
        return written.isEmpty() ? "" : written.split("\\s+")[0];
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the kernel drops the lock with the process anyway
        }
    }
}
