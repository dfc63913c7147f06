package org.pobox.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The folders holding letters, identity and secrets: inbox/, work/, archive/, failed/, data/ (the
 * register, the batch's files, the model), the node's data, the keys, logs/ and reports/. All are kept owner-only
 * (0700, files 0600): set on every start ({@link #secure}), checked by {@code pobox status}
 * ({@link #openToOthers}). A scanner therefore writes into the inbox as pobox's own user.
 */
public final class DataFolders {

    private DataFolders() {
    }

    public static List<Path> of(PoboxConfig config) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(config.inbox());
        out.add(config.path("pobox.work"));
        out.add(config.archive());
        out.add(config.failed());
        out.add(config.home().resolve("data"));
        for (String file : List.of("pobox.register.file", "pobox.batch.lock", "pobox.batch.lastResult",
                "pobox.understand.model")) {
            // a file set outside the data home lives in somebody else's folder (the register on
            // /dev/full in a test made /dev and /dev/shm owner-only): only the file is pobox's
            Path path = config.path(file);
            out.add(path.startsWith(config.home()) ? path.getParent() : path);
        }
        out.add(config.path("pobox.node.data"));
        out.add(config.path("pobox.keys"));
        // what pobox writes about letters: a failed file's name (which may be the writer's: 王秀英举报.jpg)
        // in the log, file names and registration numbers in the ledger
        out.add(logs(config));
        out.add(config.path("pobox.report.dir"));
        out.removeIf(DataFolders::shared);
        return new ArrayList<>(out);
    }

    /**
     * A folder others rely on, set by mistake as one of pobox's (pobox.report.dir=/tmp): making it
     * owner-only would lock every other program out of it.
     */
    static boolean shared(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return p.getNameCount() <= 1 || p.equals(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize())
                || p.equals(Path.of("/var/tmp")) || p.equals(Path.of("/dev/shm"));
    }

    /** The log folder bin/pobox gives log4j ({@code pobox.logDir}), else logs/ in the data home. */
    static Path logs(PoboxConfig config) {
        String dir = System.getProperty("pobox.logDir", "");
        return dir.isBlank() ? config.home().resolve("logs") : Path.of(dir).toAbsolutePath().normalize();
    }

    /** Makes every folder that exists owner-only, with everything in it; returns how many entries were open to others. */
    public static int secure(PoboxConfig config) {
        int changed = 0;
        for (Path p : of(config)) {
            changed += OwnerOnly.restrictTree(p);
        }
        return changed;
    }

    /**
     * What other accounts can reach: folders open to them, and any key file (at most {@code limit}).
     */
    public static List<Path> openToOthers(PoboxConfig config, int limit) {
        List<Path> out = new ArrayList<>();
        Path keys = config.path("pobox.keys");
        for (Path p : of(config)) {
            if (out.size() < limit) {
                out.addAll(OwnerOnly.openToOthers(p, p.equals(keys), limit - out.size()));
            }
        }
        return out;
    }
}
