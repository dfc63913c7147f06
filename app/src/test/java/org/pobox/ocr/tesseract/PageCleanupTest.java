package org.pobox.ocr.tesseract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pobox.testdata.Cer;
import org.pobox.testdata.Degrade;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

/**
 * The Tesseract engine's page cleanup (median filter on speckled pages, deskew) on the kinds of
 * page it is for, read by real Tesseract; each failure here was seen on generated mail first.
 */
class PageCleanupTest {

    private static TesseractEngine engine;

    @BeforeAll
    static void load() {
        engine = new TesseractEngine(Tessdata.locate(), "chi_sim", TesseractConfiguration.DEFAULT_PSM, 300, 0, true,
                TesseractEngine.DEFAULT_READING_DPI);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private record Page(String truth, BufferedImage image) {
    }

    private static Page page(long seed, double skew, int paper, boolean specks) {
        ScanGenerator generator = new ScanGenerator(seed);
        String truth = generator.letters().letter();
        List<String> fonts = ScanGenerator.installedFonts();
        return new Page(truth, generator.render(truth, new PageStyle(fonts.get((int) (seed % fonts.size())), 300, 12,
                specks, skew, paper)));
    }

    @Test
    void tellsASpeckledPageFromACleanOne() {
        BufferedImage clean = TesseractEngine.toGray(page(11L, 0, 255, false).image());
        BufferedImage speckled = TesseractEngine.toGray(Degrade.lowContrast(page(11L, 0, 255, true).image(), 90, 230));
        assertThat(PageCleanup.look(clean).speckledPerMille()).isLessThan(PageCleanup.SPECKLED_PER_MILLE);
        assertThat(PageCleanup.look(clean).paper()).isEqualTo(255);
        assertThat(PageCleanup.look(speckled).paper()).isLessThan(240);
    }

    /** Deskew once brought in white corners that made Tesseract's threshold read the whole gray page as ink (CER 1.0). */
    @Test
    void aSkewedLowContrastPageOnGrayPaperIsStillRead() {
        Page p = page(22L, 1.2, 230, true);
        BufferedImage scan = Degrade.jpeg(Degrade.lowContrast(Degrade.blur(p.image(), 1), 80, 200), 0.4f);
        double cer = Cer.of(p.truth(), engine.read(scan, 300).text());
        assertThat(cer).as("CER on a skewed, blurred, low-contrast page on gray paper").isLessThan(0.15);
    }

    /** Ruled paper on a skewed page read at CER 0.71 before the deskew (the skew search must follow the print, not the ruling). */
    @Test
    void aSkewedPageOnRuledPaperIsRead() {
        Page p = page(13L, 1.2, 245, true);
        BufferedImage scan = Degrade.ruled(p.image(), 300 / 4);
        double cer = Cer.of(p.truth(), engine.read(scan, 300).text());
        assertThat(cer).as("CER on a skewed page on ruled paper").isLessThan(0.15);
    }

    /** A page read scaled down to the reading resolution still marks its lines where they are on the scan. */
    @Test
    void lineBoxesOfAPageReadScaledDownAreOnTheScan() {
        BufferedImage scan = page(31L, 0, 255, false).image();
        List<TesseractLine> asScanned;
        try (TesseractEngine fullResolution = new TesseractEngine(Tessdata.locate(), "chi_sim",
                TesseractConfiguration.DEFAULT_PSM, 300, 0, true, 0)) {
            asScanned = fullResolution.readPage(scan, 300).lines();
        }
        List<TesseractLine> scaled = engine.readPage(scan, 300).lines();
        assertThat(scaled).hasSize(asScanned.size()).isNotEmpty();
        for (int i = 0; i < scaled.size(); i++) {
            TesseractLine a = asScanned.get(i), b = scaled.get(i);
            assertThat(new int[] {b.left(), b.top(), b.right(), b.bottom()}).as("line %d", i)
                    .satisfies(box -> {
                        assertThat(box[0]).isCloseTo(a.left(), org.assertj.core.data.Offset.offset(12));
                        assertThat(box[1]).isCloseTo(a.top(), org.assertj.core.data.Offset.offset(12));
                        assertThat(box[2]).isCloseTo(a.right(), org.assertj.core.data.Offset.offset(12));
                        assertThat(box[3]).isCloseTo(a.bottom(), org.assertj.core.data.Offset.offset(12));
                    });
        }
    }

    /** Tesseract's row noise rejection once dropped this short last line of a clean 200-dpi page. */
    @Test
    void aShortLineOfCleanPrintIsNotTakenForNoise() {
        String truth = """
                省委第十巡视组：
                2016年修建村养殖场的工程没有招标，直接包给了镇长的亲戚。潮海街道区民政局局长李春梅经常用公款吃喝，还多次公车私用，群众意见很大。
                恳请巡视组调查核实，还群众一个公道。
                举报人：周永利
                2020年5月13日""";
        List<String> fonts = ScanGenerator.installedFonts();
        BufferedImage scan = new ScanGenerator(9L).render(truth, PageStyle.clean(200).withFont(fonts.get(9 % fonts.size())));
        assertThat(engine.read(scan, 200).text().replaceAll("\\s", "")).contains("恳请巡视组调查核实");
    }
}
