package org.pobox.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.pobox.letter.Headers;
import org.pobox.letter.Json;
import org.pobox.letter.Letter;
import org.pobox.letter.LetterIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What OCR read of each letter, kept beside its scans in {@code archive/.ocr/<letter id>.json}, so
 * {@code pobox reindex} can understand a letter again without reading it again.
 *
 * <p>Why not the indexed text: that text is masked (the writer's name and numbers replaced by
 * {@code [举报人]} etc.), so understanding it again would lose the reporter. The record holds the
 * raw pages (text, confidence, engine, line boxes) and therefore the writer's identity: it is as
 * restricted as the scans themselves, readable by the owner only, and never logged.
 *
 * <p>Written by the ocr route for every letter read, atomically (a temporary file moved in whole),
 * so a crash leaves the old record or the new one, never half of one.
 */
public class OcrRecords {

    /** The folder name inside {@code archive/}: hidden, so nothing takes it for a scan. */
    public static final String FOLDER = ".ocr";

    private static final Logger LOG = LoggerFactory.getLogger(OcrRecords.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    public OcrRecords(Path archive) {
        this.dir = archive.resolve(FOLDER);
    }

    /** One archived file of a letter: its name in {@code archive/} and the SHA-256 of its bytes. */
    public record Source(String archiveName, String sha256) {
    }

    /** A letter's OCR as read: the files it came from and the unmasked letter. */
    public record Record(String id, List<Source> sources, Letter letter) {
    }

    /** In the ocr route, after the letter is assembled: body in and out is the {@link Letter}. */
    public Letter keep(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
        Message in = exchange.getMessage();
        Letter letter = in.getMandatoryBody(Letter.class);
        List<?> given = in.getHeader(Headers.SOURCES, List.class);
        List<Source> sources = new ArrayList<>();
        if (given != null) {
            given.forEach(s -> sources.add((Source) s));
        } else {
            sources.add(new Source(in.getHeader(Headers.ARCHIVE_NAME, String.class), letter.id()));
        }
        if (isLetterId(letter.id())) { // always, for a letter from the intake; never a file named by anything else
            save(new Record(letter.id(), sources, letter));
        }
        return letter;
    }

    public void save(Record record) {
        Path target = file(record.id());
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (POSIX) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            Path tmp = dir.resolve("." + record.id() + ".json.tmp");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(record));
            if (POSIX) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the OCR of letter " + LetterIds.shortId(record.id()), e);
        }
    }

    public Optional<Record> find(String id) {
        Path f = file(id);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        return read(f);
    }

    /** Every readable record; a damaged one is skipped (its letter is read again from the scan). */
    public List<Record> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.json"))
                    .sorted().map(OcrRecords::read).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isLetterId(String id) {
        return id != null && id.matches("[0-9a-f]{64}");
    }

    private Path file(String id) {
        if (!isLetterId(id)) {
            throw new IllegalArgumentException("not a letter id");
        }
        return dir.resolve(id + ".json");
    }

    private static Optional<Record> read(Path f) {
        try {
            JsonNode node = Json.MAPPER.readTree(f.toFile());
            Record r = Json.MAPPER.treeToValue(node, Record.class);
            if (r.id() == null || r.letter() == null || r.sources() == null || r.sources().isEmpty()) {
                throw new IOException("incomplete");
            }
            return Optional.of(r);
        } catch (IOException | RuntimeException e) {
            LOG.warn("OCR record {} unreadable, its letter will be read again: {}", f.getFileName(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
