package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;
import org.pobox.testdata.PageStyle;
import org.pobox.testdata.ScanGenerator;

class PageCleanerTest {

    /**
     * A phone's shadow falls across the sheet with a sharp edge through the text. Cleaned, the
     * paper on both sides of the edge is white and the ink on both sides black: no dark band
     * along the edge to bury the words there (the paper once estimated square by square carried
     * the lit side's paper a square into the shadow, and a photographed carbon copy lost eleven
     * characters along it).
     */
    @Test
    void theEdgeOfAShadowAcrossTheTextLeavesNoDarkBand() {
        ScanGenerator generator = new ScanGenerator(21);
        BufferedImage page = Images.toBgr(generator.render(generator.letters().letter(), PageStyle.clean(300)));
        int w = page.getWidth(), h = page.getHeight();
        byte[] original = ((DataBufferByte) page.getRaster().getDataBuffer()).getData().clone();
        byte[] shaded = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (inShadow(x, y, w)) {
                    for (int c = 0; c < 3; c++) {
                        shaded[(y * w + x) * 3 + c] = (byte) ((shaded[(y * w + x) * 3 + c] & 0xff) * 45 / 100);
                    }
                }
            }
        }

        byte[] cleaned = ((DataBufferByte) PageCleaner.clean(page).getRaster().getDataBuffer()).getData();

        long paperNearEdge = 0, darkPaper = 0, inkNearEdge = 0, darkInk = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs(x - edge(y, w)) > 40) {
                    continue;
                }
                int was = original[(y * w + x) * 3 + 2] & 0xff, now = cleaned[(y * w + x) * 3 + 2] & 0xff;
                if (was > 240) {
                    paperNearEdge++;
                    darkPaper += now < 128 ? 1 : 0;
                } else if (was < 80) {
                    inkNearEdge++;
                    darkInk += now < 128 ? 1 : 0;
                }
            }
        }
        assertThat(inkNearEdge).as("the edge crosses the text").isGreaterThan(500);
        assertThat((double) darkPaper / paperNearEdge).as("paper near the edge turned dark").isLessThan(0.01);
        assertThat((double) darkInk / inkNearEdge).as("ink near the edge kept dark").isGreaterThan(0.9);
    }

    /**
     * A fax drops ink: pixels of a stroke come out white. Cleaned, the holes inside strokes are ink
     * again (a hole in a stroke one pixel wide cannot be told from paper); a page scanned in black
     * and white without dropouts keeps its strokes as they were.
     */
    @Test
    void aFaxsDropoutsAreFilledAndAPageWithoutThemKeepsItsStrokes() {
        ScanGenerator generator = new ScanGenerator(22);
        BufferedImage page = Images.toBgr(generator.render(generator.letters().letter(), PageStyle.clean(150)));
        byte[] px = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) ((px[i] & 0xff) < 160 ? 0 : 255); // the fax's hard threshold
        }
        byte[] sharp = px.clone();
        java.util.Random random = new java.util.Random(22);
        java.util.List<Integer> dropped = new java.util.ArrayList<>();
        int w = page.getWidth();
        for (int i = 3 * (w + 1); i < px.length - 3 * (w + 1); i += 3) {
            if (px[i] == 0 && random.nextDouble() < 0.08) {
                px[i] = px[i + 1] = px[i + 2] = (byte) 255;
                if (insideAStroke(sharp, i, w)) {
                    dropped.add(i);
                }
            }
        }

        byte[] cleaned = ((DataBufferByte) PageCleaner.clean(page).getRaster().getDataBuffer()).getData();

        long refilled = dropped.stream().filter(i -> (cleaned[i] & 0xff) < 128).count();
        assertThat(dropped).hasSizeGreaterThan(100);
        assertThat((double) refilled / dropped.size()).as("dropouts inside strokes filled").isGreaterThan(0.9);

        BufferedImage scanned = Images.toBgr(generator.render(generator.letters().letter(), PageStyle.clean(300)));
        byte[] blackAndWhite = ((DataBufferByte) scanned.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < blackAndWhite.length; i++) {
            blackAndWhite[i] = (byte) ((blackAndWhite[i] & 0xff) < 160 ? 0 : 255);
        }
        long before = ink(blackAndWhite);
        byte[] kept = ((DataBufferByte) PageCleaner.clean(scanned).getRaster().getDataBuffer()).getData();
        assertThat(ink(kept)).as("strokes of a page without dropouts").isEqualTo(before);
    }

    /** 6 of 8 neighbours ink: a hole there is a dropout, not the edge of a thin stroke. */
    private static boolean insideAStroke(byte[] bgr, int i, int w) {
        int ink = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                ink += (dy != 0 || dx != 0) && (bgr[i + 3 * (dy * w + dx)] & 0xff) < 128 ? 1 : 0;
            }
        }
        return ink >= 6;
    }

    private static long ink(byte[] bgr) {
        long n = 0;
        for (int i = 0; i < bgr.length; i += 3) {
            n += (bgr[i] & 0xff) < 128 ? 1 : 0;
        }
        return n;
    }

    /** The shadow's edge: a slanting line across the page, the shadow to its left. */
    private static double edge(int y, int w) {
        return 0.3 * w + 0.4 * y;
    }

    private static boolean inShadow(int x, int y, int w) {
        return x < edge(y, w);
    }
}
