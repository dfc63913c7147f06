package org.pobox.ocr.tesseract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the folder holding the {@code *.traineddata} models. */
final class Tessdata {

    /** Where Debian (and most Linux distributions) install the language packs, newest first. */
    private static final List<String> KNOWN = List.of(
            "/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata",
            "/usr/share/tessdata",
            "/usr/local/share/tessdata");

    private Tessdata() {
    }

    /** {@code TESSDATA_PREFIX} wins (it names the tessdata folder itself, as in Tesseract 5), then the known places. */
    static Path locate() {
        String env = System.getenv("TESSDATA_PREFIX");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (String candidate : KNOWN) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no tessdata folder found (looked in " + KNOWN
                + "); install tesseract-ocr-chi-sim or set TESSDATA_PREFIX or the datapath option");
    }

    /** Fails early, with the file name, instead of Tesseract's message on stderr. */
    static void requireModels(Path datapath, String language) {
        for (String lang : language.split("\\+")) {
            Path model = datapath.resolve(lang + ".traineddata");
            if (!Files.isRegularFile(model)) {
                throw new IllegalStateException("Tesseract model " + model + " not found; install the language pack"
                        + " (Debian: tesseract-ocr-" + lang.replace('_', '-') + ") or set TESSDATA_PREFIX");
            }
        }
    }
}
