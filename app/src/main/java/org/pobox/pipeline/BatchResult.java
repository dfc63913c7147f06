package org.pobox.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pobox.letter.Json;

/** What the last batch did, kept in {@code data/last-batch.json} for {@code pobox status}. */
public record BatchResult(Instant startedAt, Instant endedAt, int exitCode, String outcome, int files,
                          int indexed, int alreadyIndexed, int failed, int pages, List<String> leftInInbox,
                          Map<String, String> failures) {

    /** Written aside and renamed in: a crash or a full disk never leaves half a result. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static BatchResult load(Path file) {
        try {
            return Files.exists(file) ? Json.MAPPER.readValue(file.toFile(), BatchResult.class) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
