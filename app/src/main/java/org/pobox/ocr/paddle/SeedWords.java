package org.pobox.ocr.paddle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words of a round's seeds (every run of Chinese characters in its YAML files: districts,
 * streets, villages, post titles, the taxonomy's phrases), for {@link WordChoice}. The recogniser
 * needs no schema: a word is a word wherever in the seeds it stands.
 */
final class SeedWords {

    private static final Pattern RUN = Pattern.compile("\\p{IsHan}+");

    private SeedWords() {
    }

    /** The words of the YAML files directly in {@code seeds}; none when the folder is not there. */
    static Set<String> of(Path seeds) {
        Set<String> words = new HashSet<>();
        if (seeds == null || !Files.isDirectory(seeds)) {
            return words;
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                collect(yaml.readTree(file.toFile()), words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seeds in " + seeds, e);
        }
        return words;
    }

    private static void collect(JsonNode node, Set<String> words) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            Matcher m = RUN.matcher(node.asText());
            while (m.find()) {
                if (m.group().length() >= 2 && m.group().length() <= WordChoice.LONGEST_SEED) {
                    words.add(m.group());
                }
            }
        }
        node.forEach(child -> collect(child, words));
    }
}
