package org.pobox.testdata;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanGeneratorTest {

    @Test
    void lettersArePlausibleAndDeterministic() {
        LetterTexts a = new LetterTexts(1);
        LetterTexts b = new LetterTexts(1);
        for (int i = 0; i < 50; i++) {
            String letter = a.letter();
            assertThat(letter).isEqualTo(b.letter());
            assertThat(letter.replace("\n", "").length()).isBetween(60, 400);
        }
        assertThat(new LetterTexts(2).letterWith("鳌山卫街道低保")).contains("鳌山卫街道低保");
    }

    @Test
    void samePageForTheSameSeed() {
        PageStyle style = new ScanGenerator(3).randomStyle(200);
        BufferedImage one = new ScanGenerator(9).render("即墨区通济街道", style);
        BufferedImage two = new ScanGenerator(9).render("即墨区通济街道", style);
        assertThat(pixels(one)).isEqualTo(pixels(two));
        assertThat(one.getWidth()).isEqualTo(1654); // A4 at 200 dpi
        assertThat(one.getHeight()).isEqualTo(2339);
    }

    @Test
    void aLetterCanBeWrittenOneFilePerPage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        GeneratedScan scan = new ScanGenerator(5).writePageFiles(ScanFiles.Format.JPEG, dir, "letter-007", 2,
                PageStyle.clean(200));
        assertThat(scan.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("letter-007_p1.jpg", "letter-007_p2.jpg");
        assertThat(scan.pages()).isEqualTo(2);
        assertThat(javax.imageio.ImageIO.read(scan.files().get(1).toFile()).getWidth()).isEqualTo(1654);
    }

    @Test
    void skewIsMildOrRefused() {
        assertThatThrownBy(() -> new PageStyle("WenQuanYi Zen Hei", 300, 12, false, 3.0, 255))
                .isInstanceOf(IllegalArgumentException.class);
        for (int i = 0; i < 20; i++) {
            assertThat(Math.abs(new ScanGenerator(i).randomStyle(300).skewDegrees())).isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void cerCountsCharacterEditsAndIgnoresWhitespace() {
        assertThat(Cer.of("补偿款", "补 偿 款")).isZero();
        assertThat(Cer.of("补偿款发放", "补尝款发放")).isEqualTo(0.2);
        assertThat(Cer.of("低保", "")).isEqualTo(1.0);
        assertThat(Cer.of("", "")).isZero();
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
