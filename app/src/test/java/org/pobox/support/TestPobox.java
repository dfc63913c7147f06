package org.pobox.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pobox.ocr.OcrRecords;
import java.util.Properties;
import org.pobox.config.PoboxConfig;

/** A pobox configuration over temporary folders, pointed at the shared test node. */
public final class TestPobox {

    private TestPobox() {
    }

    public static PoboxConfig config(Path dir, String alias) {
        Properties sys = new Properties();
        sys.setProperty("pobox.home", System.getProperty("pobox.home", ".."));
        sys.setProperty("pobox.inbox", dir.resolve("inbox").toString());
        sys.setProperty("pobox.archive", dir.resolve("archive").toString());
        sys.setProperty("pobox.failed", dir.resolve("failed").toString());
        sys.setProperty("pobox.work", dir.resolve("work").toString());
        sys.setProperty("pobox.register.file", dir.resolve("data/register.log").toString());
        sys.setProperty("pobox.batch.lock", dir.resolve("data/batch.lock").toString());
        sys.setProperty("pobox.batch.lastResult", dir.resolve("data/last-batch.json").toString());
        sys.setProperty("pobox.index.alias", alias);
        sys.setProperty("pobox.intake.stableMs", "300");
        sys.setProperty("pobox.intake.pollMs", "200");
        sys.setProperty("pobox.ocr.workers", "2");
        sys.setProperty("pobox.es.url", TestEngine.client().url());
        return PoboxConfig.load(Map.of(), sys);
    }

    /** Drops a file into the inbox the way a scanner should: written elsewhere, then moved in at once. */
    public static Path drop(Path file, Path inbox, String name) throws IOException {
        Files.createDirectories(inbox);
        Path staging = Files.createTempFile(inbox.getParent(), "scan", ".part");
        Files.copy(file, staging, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The names in a data folder, sorted; empty when it does not exist. Leaves out archive/.ocr,
     * the letters' OCR records (OcrRecords), which are not scans, and work/.names, the original
     * names of renamed files (Inbox).
     */
    public static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(OcrRecords.FOLDER) && !n.equals(org.pobox.intake.Inbox.NAMES_FOLDER)).sorted().toList();
        }
    }
}
