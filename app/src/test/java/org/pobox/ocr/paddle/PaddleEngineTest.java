package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pobox.ocr.PageText;
import org.pobox.testdata.Cer;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

/** The real PP-OCRv4 models (bin/fetch-models) on generated letter pages. */
class PaddleEngineTest {

    private static final String PHRASE = "即墨区田横镇王家庄村";

    private static PaddleEngine engine;

    @BeforeAll
    static void loadModels() {
        engine = new PaddleEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** The text without line breaks: the phrase may wrap onto the next line. */
    private static String joined(PageText read) {
        return read.text().replaceAll("\\s", "");
    }

    @Test
    void readsACleanChinesePage() {
        ScanGenerator generator = new ScanGenerator(1);
        String truth = generator.letters().letterWith(PHRASE);

        PageText read = engine.read(generator.render(truth, PageStyle.clean(300)));

        assertThat(joined(read)).contains(PHRASE);
        assertThat(Cer.of(truth, read.text())).isLessThanOrEqualTo(0.02);
        assertThat(read.confidence()).isBetween(0.8, 1.0);
        assertThat(engine.name()).isEqualTo("paddle");
    }

    /**
     * Issue 16: a page with the back of the sheet showing through, mirrored, and a red seal
     * stamped over its first lines. Read once, the mirrored back is read as lines of nonsense and
     * the seal's characters join the text; read again on the cleaned page, both are gone.
     */
    @Test
    void aSealedPageWithTheBackShowingThroughReadsBetterWhenReadAgainCleaned() {
        ScanGenerator generator = new ScanGenerator(16);
        java.util.Random random = new java.util.Random(16);
        String truth = generator.letters().letter();
        String font = ScanGenerator.installedFonts().get(0);
        BufferedImage back = generator.render(generator.letters().letter(), PageStyle.clean(200).withFont(font));
        BufferedImage page = org.pobox.testdata.Degrade.redSealOverText(org.pobox.testdata.Degrade.bleedThrough(
                generator.render(truth, PageStyle.clean(200).withFont(font)), back, random), 200, random);

        engine.adaptive = false;
        PaddlePage once;
        try {
            once = engine.readPage(page);
        } finally {
            engine.adaptive = true;
        }
        PaddlePage adaptive = engine.readPage(page);

        assertThat(once.path()).isEqualTo(PaddlePage.FAST);
        assertThat(adaptive.path()).isEqualTo(PaddlePage.CLEANED);
        double before = Cer.of(truth, once.text()), after = Cer.of(truth, adaptive.text());
        assertThat(after).isLessThanOrEqualTo(0.02).isLessThan(before);
    }

    @Test
    void aCleanPageIsReadOnce() {
        ScanGenerator generator = new ScanGenerator(17);
        PaddlePage read = engine.readPage(generator.render(generator.letters().letter(), PageStyle.clean(200)));
        assertThat(read.path()).isEqualTo(PaddlePage.FAST);
    }

    @Test
    void turnsAnUpsideDownPageUpright() {
        ScanGenerator generator = new ScanGenerator(2);
        String truth = generator.letters().letterWith(PHRASE);
        BufferedImage page = Images.rotate(Images.toBgr(generator.render(truth, PageStyle.clean(200))), 2);

        PageText read = engine.read(page);

        assertThat(joined(read)).contains(PHRASE);
        assertThat(Cer.of(truth, read.text())).isLessThanOrEqualTo(0.03);
    }

    @Test
    void turnsPagesLyingOnTheirSideUpright() {
        ScanGenerator generator = new ScanGenerator(3);
        for (int quarters : new int[] {1, 3}) {
            String truth = generator.letters().letterWith(PHRASE);
            BufferedImage page = Images.rotate(Images.toBgr(generator.render(truth, PageStyle.clean(200))), quarters);

            PageText read = engine.read(page);

            assertThat(joined(read)).as("turned %d°", quarters * 90).contains(PHRASE);
            assertThat(Cer.of(truth, read.text())).as("turned %d°", quarters * 90).isLessThanOrEqualTo(0.03);
        }
    }

    @Test
    void linesComeWithTheirBoxesOnTheImageAsGivenWhicheverWayItIsTurned() {
        ScanGenerator generator = new ScanGenerator(6);
        String truth = generator.letters().letter();
        BufferedImage upright = Images.toBgr(generator.render(truth, PageStyle.clean(200)));
        int w = upright.getWidth(), h = upright.getHeight();
        PaddlePage base = engine.readPage(upright);
        assertThat(base.quarterTurns()).isZero();
        assertThat(base.lowConfidenceShare()).isBetween(0.0, 0.05);
        PaddleLine first = base.lines().get(0);
        double cx = centre(first.xs()), cy = centre(first.ys());
        assertThat(first.text()).isEqualTo(truth.split("\n")[0]);

        for (int quarters = 1; quarters < 4; quarters++) {
            PaddlePage page = engine.readPage(Images.rotate(upright, quarters));

            // the engine turned it back: its turns and ours make a full circle
            assertThat((page.quarterTurns() + quarters) % 4).as("turned %d°", quarters * 90).isZero();
            PaddleLine line = page.lines().get(0);
            assertThat(line.text()).isEqualTo(first.text());
            // where a clockwise quarter turn takes the upright point (x, y): (h - y, x); give or take
            // a few pixels, as detection sees the turned page at a slightly different scale
            // (a wrong mapping is off by hundreds)
            double[] expected = switch (quarters) {
                case 1 -> new double[] {h - cy, cx};
                case 2 -> new double[] {w - cx, h - cy};
                default -> new double[] {cy, w - cx};
            };
            assertThat(centre(line.xs())).as("turned %d°: x", quarters * 90).isCloseTo(expected[0], within(20.0));
            assertThat(centre(line.ys())).as("turned %d°: y", quarters * 90).isCloseTo(expected[1], within(20.0));
        }
    }

    private static double centre(double[] v) {
        return (v[0] + v[1] + v[2] + v[3]) / 4;
    }

    @Test
    void keepsLineOrderOnASkewedPage() {
        ScanGenerator generator = new ScanGenerator(4);
        String truth = generator.letters().letterWith(PHRASE);
        PageStyle skewed = new PageStyle(ScanGenerator.installedFonts().get(0), 300, 12f, false, 2.0, 255);

        PageText read = engine.read(generator.render(truth, skewed));

        // lines read out of order would cost far more than this: each misplaced line counts twice
        assertThat(Cer.of(truth, read.text())).isLessThanOrEqualTo(0.03);
        String[] lines = read.text().split("\n");
        assertThat(lines[0]).isEqualTo(truth.split("\n")[0]);
        assertThat(lines[lines.length - 1]).isEqualTo(truth.substring(truth.lastIndexOf('\n') + 1));
    }

    @Test
    void readsANoisyGrayPageInAnotherFont() {
        ScanGenerator generator = new ScanGenerator(5);
        String truth = generator.letters().letterWith(PHRASE);
        String font = ScanGenerator.installedFonts().get(ScanGenerator.installedFonts().size() - 1);
        PageStyle noisy = new PageStyle(font, 200, 12f, true, -1.2, 230);

        PageText read = engine.read(generator.render(truth, noisy));

        assertThat(Cer.of(truth, read.text())).isLessThanOrEqualTo(0.05);
    }

    /**
     * Issue 16 item 5: the recipient's postal code written a digit a box on an envelope front. The
     * detector alone found the digits in their frames on half the bench's envelopes and on none of
     * these four (two colour scans, two gray; red and green boxes).
     */
    @Test
    void readsThePostalCodeInItsBoxesOnAnEnvelopeFront() {
        java.util.Random random = new java.util.Random(1606L);
        List<String> fonts = ScanGenerator.installedFonts();
        for (int i = 0; i < 4; i++) {
            org.pobox.testdata.EnvelopeFront front = org.pobox.testdata.EnvelopeFront.draw(random, i % 2 == 0 ? 300 : 200,
                    fonts.contains(ScanGenerator.KAISHU) ? ScanGenerator.KAISHU : fonts.get(0));
            BufferedImage scan = i % 2 == 0 ? org.pobox.testdata.Degrade.jpegRgb(front.image(), 0.7f)
                    : org.pobox.testdata.Degrade.jpeg(front.image(), 0.7f);

            PaddlePage read = engine.readPage(scan);

            assertThat(read.text().split("\\s+")).as("envelope %d", i).contains(front.postalCode());
            assertThat(read.text().replaceAll("\\s", "")).contains("山东省委第十巡视组收");
        }
    }

    @Test
    void aBlankPageReadsAsNothing() {
        BufferedImage blank = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        blank.getRaster().setSamples(0, 0, 1654, 2339, 0, new int[1654 * 2339]);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1654, 2339);
        g.dispose();

        PageText read = engine.read(blank);

        assertThat(read.text()).isEmpty();
        assertThat(read.confidence()).isZero();
    }

    @Test
    void missingModelsFailWithAReasonTheCallerCanFallBackOn(@TempDir Path empty) {
        assertThatThrownBy(() -> new PaddleEngine(empty, 960, 6))
                .isInstanceOf(PaddleException.class)
                .hasMessageContaining("bin/fetch-models");
    }

    @Test
    void aBrokenModelFailsToLoadWithAReasonTooNotACrash(@TempDir Path dir) throws Exception {
        for (String file : List.of(PaddleEngine.REC_MODEL, PaddleEngine.CLS_MODEL, PaddleEngine.KEYS)) {
            Files.copy(PaddleEngine.defaultModelDir().resolve(file), dir.resolve(file));
        }
        Files.write(dir.resolve(PaddleEngine.DET_MODEL), new byte[] {1, 2, 3, 4}); // e.g. a cut-off download

        assertThatThrownBy(() -> new PaddleEngine(dir, 960, 6))
                .isInstanceOf(PaddleException.class)
                .hasMessageContaining("failed to load");
    }
}
