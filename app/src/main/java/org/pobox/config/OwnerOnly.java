package org.pobox.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Owner-only permissions (folders 0700, files 0600) for everything pobox keeps: the scans, the
 * node's data (every reporter, password hash and audit entry) and the keys. Other accounts on the
 * host must not read them whatever the umask is. Symbolic links are not followed (a link planted
 * in a folder must not make pobox change a file elsewhere). On a file system without POSIX
 * permissions nothing is changed and nothing is reported.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** The attribute for {@code Files.createFile} etc.: created owner-only, never briefly readable by others. */
    public static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** Creates the folder (and missing parents) if needed and makes it owner-only; returns it. */
    public static Path createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                restrict(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * Makes the folder and everything under it owner-only (a missing folder is left missing): the
     * group's and others' bits are taken away, the owner's are left.
     *
     * @return how many files and folders had wider permissions before
     */
    public static int restrictTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
            return 0;
        }
        int[] changed = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    changed[0] += restrict(dir) ? 1 : 0;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        changed[0] += restrict(file) ? 1 : 0;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file moved away meanwhile (the intake is running): nothing left to protect
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict permissions under " + root, e);
        }
        return changed[0];
    }

    /** Whether one file or folder is owner-only; true where POSIX permissions do not exist. */
    public static boolean isOwnerOnly(Path path) {
        try {
            if (!posix(path)) {
                return true;
            }
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            return p.stream().noneMatch(OwnerOnly::groupOrOthers);
        } catch (IOException e) {
            return true; // gone meanwhile
        }
    }

    /**
     * The folders under {@code root} (itself included), and with {@code files} the files too, that
     * other accounts may read, write or enter, at most {@code limit} of them. A file in an
     * owner-only folder is out of other accounts' reach whatever its own mode, so the folders are
     * what matters.
     */
    public static List<Path> openToOthers(Path root, boolean files, int limit) {
        List<Path> out = new ArrayList<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) || !posix(root)) {
            return out;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return check(dir);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return files && attrs.isRegularFile() ? check(file) : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                private FileVisitResult check(Path p) {
                    if (!isOwnerOnly(p)) {
                        out.add(p);
                    }
                    return out.size() >= limit ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check permissions under " + root, e);
        }
        return out;
    }

    private static boolean restrict(Path p) throws IOException {
        if (!posix(p)) {
            return false;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        // the owner's own bits stay as they are (a file kept read-only stays read-only)
        Set<PosixFilePermission> want = java.util.EnumSet.noneOf(PosixFilePermission.class);
        now.stream().filter(x -> !groupOrOthers(x)).forEach(want::add);
        if (now.equals(want)) {
            return false;
        }
        if (Files.isSymbolicLink(p)) {
            return false;
        }
        // chmod by path: setting them through a no-follow attribute view opens and closes the file,
        // and closing any descriptor of a file drops this process's fcntl locks on it (the batch lock)
        Files.setPosixFilePermissions(p, want);
        return true;
    }

    private static boolean groupOrOthers(PosixFilePermission p) {
        return switch (p) {
            case GROUP_READ, GROUP_WRITE, GROUP_EXECUTE, OTHERS_READ, OTHERS_WRITE, OTHERS_EXECUTE -> true;
            default -> false;
        };
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null;
    }
}
