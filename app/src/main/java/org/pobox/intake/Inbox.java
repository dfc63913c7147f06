package org.pobox.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder as the batch sees it: the files waiting in it, and {@code work/}, where the
 * intake route keeps a file while it is processed.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private final Path inbox;
    private final Path work;
    /** What the intake route leaves alone (its exclude), so not waiting for a batch either. */
    private final Pattern notYetALetter;

    public Inbox(Path inbox, Path work, Pattern notYetALetter) {
        this.inbox = inbox;
        this.work = work;
        this.notYetALetter = notYetALetter;
    }

    public Path work() {
        return work;
    }

    /**
     * Puts every file left in {@code work/} (by a crash, a kill, an engine outage) back into the
     * inbox, by atomic rename, to be taken again. Indexing by id makes the replay harmless and the
     * register gives a replayed file its first number again.
     */
    public int resumeWork() {
        Path work = this.work;
        if (!Files.isDirectory(work)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(work)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = inbox.resolve(p.getFileName());
                if (Files.exists(target)) {
                    // a new file of the same name arrived meanwhile: both are kept
                    target = inbox.resolve("resumed-" + System.currentTimeMillis() + "-" + p.getFileName());
                }
                Files.move(p, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume the files in " + work, e);
        }
        if (n > 0) {
            LOG.info("{} unfinished files from {} back in the inbox", n, work);
        }
        return n;
    }

    /** The files in the inbox that the intake will take. */
    public List<Path> waiting() {
        renameHostileNames();
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !notYetALetter.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.getFileName().toString().endsWith(".camelLock"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
    }

    /**
     * Camel's file component reads a backslash in a name as a path separator ({@code ..\\x.png}
     * would point outside the inbox), so such files are excluded by the intake route and renamed
     * here, in place and atomically, to their sanitised name.
     */
    public void renameHostileNames() {
        try (Stream<Path> s = Files.list(inbox)) {
            for (Path p : s.filter(p -> p.getFileName().toString().contains("\\")).toList()) {
                Path target = inbox.resolve(FileNames.sanitise(p.getFileName().toString()));
                if (Files.exists(target)) {
                    target = inbox.resolve("renamed-" + System.nanoTime() + "-" + target.getFileName());
                }
                Files.move(p, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                LOG.info("inbox file with a backslash in its name renamed to {}", target.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
    }

    public boolean inWork(Path inboxFile) {
        return Files.exists(work.resolve(inboxFile.getFileName()));
    }
}
