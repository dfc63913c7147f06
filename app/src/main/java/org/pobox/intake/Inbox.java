package org.pobox.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder as the batch sees it: the files waiting in it, and {@code work/}, where the
 * intake route keeps a file while it is processed.
 *
 * <p>Names. Camel's file component is given plain names only ({@link FileNames#isPlain}): it reads
 * a backslash as a path separator and decodes {@code %2F} in a move, so a file called
 * {@code ..\..\x.jpg} or {@code ..%2Fx.jpg} would end outside its folders or nowhere. Before Camel
 * sees such a file, {@link #renameHostileNames} gives it a new plain name that no other file has
 * had ({@code r<time>x<n>-<sanitised name>}), after writing its original name, exactly, to
 * {@code work/.names/<new name>}; the intake reads it from there ({@link #originalName}) for the
 * letter's {@code file_names}. The sidecar is written and fsynced before the rename, so a crash
 * between the two leaves only a sidecar without its file, which is pruned.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    /** Not a hidden or temporary file, whatever the exclude says: a name that tries to leave its folder. */
    private static final Pattern TRAVERSAL = Pattern.compile("(?s)^\\.\\..*|.*[\\\\/].*|.*%(2[fF]|5[cC]).*");
    /** The folder pobox before issue 12 moved files to while it worked (relative to the inbox). */
    static final String LEGACY_WORK = "work";
    private static final AtomicLong RENAMED = new AtomicLong();
    /** The folder in work/ with the original names of renamed files, one file each, named as the file is now. */
    public static final String NAMES_FOLDER = ".names";

    private final Path inbox;
    private final Path work;
    private final Path names;
    /** What the intake route leaves alone (its exclude), so not waiting for a batch either. */
    private final Pattern notYetALetter;

    public Inbox(Path inbox, Path work, Pattern notYetALetter) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.names = this.work.resolve(NAMES_FOLDER);
        this.notYetALetter = notYetALetter;
    }

    public Path folder() {
        return inbox;
    }

    public Path work() {
        return work;
    }

    /**
     * Where versions of pobox before issue 12 left the files they were working on: their
     * {@code preMove} was relative to the inbox, so {@code inbox/work/}, not {@code work/}.
     * Empty when that is the work folder itself.
     */
    public Optional<Path> legacyWork() {
        Path legacy = inbox.resolve(LEGACY_WORK);
        return legacy.equals(work) ? Optional.empty() : Optional.of(legacy);
    }

    /** Whether the intake route takes a file of this name now (Camel's filter and the batch's count agree). */
    public boolean accept(String name) {
        return FileNames.isPlain(name) && !notYetALetter.matcher(name).matches() && !name.endsWith(".camelLock");
    }

    /**
     * Why a file in the inbox is not taken, or empty when it will be: for {@code pobox status} and
     * the batch's summary.
     */
    public Optional<String> whyWaiting(String name) {
        if (accept(name)) {
            return Optional.empty();
        }
        if (name.endsWith(".camelLock")) {
            return Optional.of("the intake's lock on a file being taken");
        }
        if (!FileNames.isPlain(name) && (TRAVERSAL.matcher(name).matches() || !notYetALetter.matcher(name).matches())) {
            return Optional.of("its name is renamed to a safe one when pobox runs next (the original is kept)");
        }
        return Optional.of("a temporary or hidden file (pobox.intake.exclude): taken once it is renamed");
    }

    /**
     * Puts every file left in {@code work/} (by a crash, a kill, an engine outage), and in the
     * {@code inbox/work/} of older versions, back into the inbox, by atomic rename, to be taken
     * again. Indexing by id makes the replay harmless and the register gives a replayed file its
     * first number again.
     */
    public int resumeWork() {
        int n = resume(work);
        Optional<Path> legacy = legacyWork();
        if (legacy.isPresent()) {
            int old = resume(legacy.get());
            if (old > 0) {
                LOG.warn("{} files left in {} by an older pobox back in the inbox", old, legacy.get());
            }
            n += old;
        }
        if (n > 0) {
            LOG.info("{} unfinished files back in the inbox", n);
        }
        pruneNames();
        return n;
    }

    private int resume(Path from) {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                Path target = inbox.resolve(name);
                if (Files.exists(target)) {
                    // a new file of the same name arrived meanwhile: both are kept, under new names
                    target = inbox.resolve(uniqueName(FileNames.sanitise(name)));
                    writeName(target.getFileName().toString(), originalName(name));
                }
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume the files in " + from, e);
        }
        return n;
    }

    /** The files in the inbox that the intake will take. */
    public List<Path> waiting() {
        renameHostileNames();
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile).filter(p -> accept(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
    }

    /** The files in the inbox the intake does not take now, each with why. */
    public List<String> notTaken() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(inbox)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                whyWaiting(name).ifPresent(why -> out.add(FileNames.sanitise(name) + ": " + why));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + inbox, e);
        }
        return out;
    }

    /**
     * Renames, in place, every inbox file whose name Camel must not see to a new plain name,
     * keeping its original name in {@code work/.names/}. A temporary or hidden file (the exclude)
     * is left alone while it is one, unless its name tries to leave the folder ({@code ..%2F},
     * a backslash): that is no scanner's temporary file.
     *
     * @return how many files were renamed
     */
    public synchronized int renameHostileNames() {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(inbox)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String original = p.getFileName().toString();
                if (FileNames.isPlain(original) || original.endsWith(".camelLock")
                        || notYetALetter.matcher(original).matches() && !TRAVERSAL.matcher(original).matches()) {
                    continue;
                }
                String safe = uniqueName(FileNames.sanitise(original));
                writeName(safe, original);
                // a name no file has had: the move cannot replace anything
                Files.move(p, inbox.resolve(safe), StandardCopyOption.ATOMIC_MOVE);
                LOG.info("inbox file with an unsafe name taken as {}", safe);
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename unsafe names in " + inbox, e);
        }
        return n;
    }

    /**
     * The name a file arrived under, exactly: from {@code work/.names/} when the inbox renamed
     * it, else the name it has.
     */
    public String originalName(String diskName) {
        Path sidecar = names.resolve(diskName);
        try {
            return Files.isRegularFile(sidecar) ? Files.readString(sidecar, StandardCharsets.UTF_8) : diskName;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the original name of " + diskName, e);
        }
    }

    /**
     * Deletes the sidecars of files that are neither in the inbox nor in {@code work/}: they have
     * ended in archive/ or failed/, their original name in the index or the reason. The inbox is
     * looked at before work/, the way files move, so a file on its way is never missed.
     */
    public synchronized void pruneNames() {
        if (!Files.isDirectory(names)) {
            return;
        }
        try (Stream<Path> s = Files.list(names)) {
            for (Path sidecar : s.filter(Files::isRegularFile).toList()) {
                String name = sidecar.getFileName().toString();
                if (name.startsWith(".")) {
                    continue; // one being written
                }
                if (!Files.exists(inbox.resolve(name)) && !Files.exists(work.resolve(name))) {
                    Files.deleteIfExists(sidecar);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot prune {}: {}", names, e.toString());
        }
    }

    private void writeName(String diskName, String original) throws IOException {
        Files.createDirectories(names);
        Path tmp = names.resolve("." + diskName + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(original.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, names.resolve(diskName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code r<millis>x<n>-<name>}: unique in this process, and time moves on between processes. */
    private String uniqueName(String safe) {
        while (true) {
            String prefix = "r" + System.currentTimeMillis() + "x" + RENAMED.incrementAndGet() + "-";
            String name = FileNames.truncate(prefix + safe, FileNames.MAX_UTF8_BYTES);
            if (!Files.exists(inbox.resolve(name)) && !Files.exists(work.resolve(name)) && !Files.exists(names.resolve(name))) {
                return name;
            }
        }
    }

    public boolean inWork(Path inboxFile) {
        return Files.exists(work.resolve(inboxFile.getFileName()));
    }
}
