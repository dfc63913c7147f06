package org.pobox.understand.round;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.pobox.understand.people.PostsFile;
import org.pobox.understand.region.RegionsFile;
import org.pobox.understand.region.Village;
import org.pobox.understand.subject.Taxonomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference data of one round, read from a seeds folder: the round file names the taxonomy,
 * gazetteer and posts files it uses, so a new round (or a new district) is new files, not code.
 */
public record Seeds(Path dir, Round round, Taxonomy taxonomy, RegionsFile regions, List<Village> villages, PostsFile posts) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The installation's seeds: {@code <pobox.install>/seeds} (bin/pobox sets it), else {@code <pobox.home>/seeds} (surefire sets that). */
    public static Path defaultDir() {
        return Path.of(System.getProperty("pobox.install", System.getProperty("pobox.home", "."))).resolve("seeds");
    }

    /** Loads the round with the latest work start among {@code round-*.yaml} in {@code dir}. */
    public static Seeds load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> rounds = files.filter(p -> p.getFileName().toString().matches("round-.*\\.ya?ml")).toList();
            Path latest = rounds.stream()
                    .max(Comparator.comparing((Path p) -> read(p, Round.class).workStart()))
                    .orElseThrow(() -> new IllegalArgumentException("no round-*.yaml in " + dir));
            return load(dir, latest.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Seeds load(Path dir, String roundFile) {
        Round round = read(dir.resolve(roundFile), Round.class);
        return new Seeds(dir, round,
                read(dir.resolve(round.taxonomy()), Taxonomy.class),
                read(dir.resolve(round.regions()), RegionsFile.class),
                readVillages(dir.resolve(round.villages())),
                read(dir.resolve(round.posts()), PostsFile.class));
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return YAML.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seeds file " + file, e);
        }
    }

    /** villages.csv: code,name,full_name,town (header first; names hold no commas). */
    private static List<Village> readVillages(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Village> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                out.add(new Village(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read villages file " + file, e);
        }
    }
}
