package org.pobox.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanFiles.Format;
import org.pobox.testdata.ScanGenerator;

/** bench/soak.sh's letters: {@code SoakLetters <folder> <count>} writes that many small one-page PNG letters. */
public final class SoakLetters {

    private SoakLetters() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        ScanGenerator generator = new ScanGenerator(2000L);
        for (int i = 0; i < n; i++) {
            String text = generator.letters().letter();
            // a short text on a 200 dpi page: the soak is about what grows, not about OCR speed
            generator.write(Format.PNG, dir.resolve(String.format("soak-%05d.png", i)),
                    List.of(text.substring(0, Math.min(40, text.length()))), PageStyle.clean(200));
        }
    }
}
