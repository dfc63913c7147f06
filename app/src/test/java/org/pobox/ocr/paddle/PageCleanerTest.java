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

    /** The shadow's edge: a slanting line across the page, the shadow to its left. */
    private static double edge(int y, int w) {
        return 0.3 * w + 0.4 * y;
    }

    private static boolean inShadow(int x, int y, int w) {
        return x < edge(y, w);
    }
}
