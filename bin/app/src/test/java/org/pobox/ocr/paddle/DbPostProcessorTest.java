package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbPostProcessorTest {

    @Test
    void findsTheSmallestRectangleAroundTiltedPoints() {
        // a filled 100 × 20 rectangle turned by 10°
        double a = Math.toRadians(10);
        int n = 0;
        int[] xs = new int[101 * 21], ys = new int[101 * 21];
        for (int u = 0; u <= 100; u++) {
            for (int v = 0; v <= 20; v++) {
                xs[n] = (int) Math.round(200 + u * Math.cos(a) - v * Math.sin(a));
                ys[n++] = (int) Math.round(100 + u * Math.sin(a) + v * Math.cos(a));
            }
        }

        RotatedRect rect = RotatedRect.minAreaRect(xs, ys, n);

        assertThat(rect.angle()).isCloseTo(a, offset(0.02));
        assertThat(rect.width()).isCloseTo(100, offset(2.0));
        assertThat(rect.height()).isCloseTo(20, offset(2.0));
    }

    @Test
    void turnsTwoTextRegionsIntoTwoGrownBoxesOnThePage() {
        int w = 200, h = 100;
        float[] prob = new float[w * h];
        fill(prob, w, 20, 10, 120, 20, 0.9f);   // a line 100 × 10 at the top
        fill(prob, w, 20, 60, 180, 75, 0.8f);   // a longer one below
        fill(prob, w, 150, 5, 152, 7, 0.9f);    // a speck below the minimum size
        fill(prob, w, 10, 40, 60, 50, 0.35f);   // above the pixel threshold but a weak region overall

        // the page is twice the size of the map
        List<TextBox> boxes = DbPostProcessor.boxes(prob, w, h, 400, 200);

        assertThat(boxes).hasSize(2);
        boxes = boxes.stream().sorted(Comparator.comparingDouble(TextBox::centreY)).toList();
        TextBox top = boxes.get(0);
        // the region's contour is 100 × 10 px; unclip 1.5 grows it by 1.5·100·10 / 220 ≈ 6.8 px a side
        assertThat(top.width()).isCloseTo(2 * (100 + 2 * 6.8), offset(3.0));
        assertThat(top.height()).isCloseTo(2 * (10 + 2 * 6.8), offset(3.0));
        assertThat(top.centreX()).isCloseTo(2 * 70, offset(2.0));
        assertThat(top.centreY()).isCloseTo(2 * 15, offset(2.0));
        assertThat(top.score()).isCloseTo(0.9, offset(0.01));
        assertThat(boxes.get(1).width()).isGreaterThan(300);
    }

    private static void fill(float[] prob, int w, int x0, int y0, int x1, int y1, float p) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                prob[y * w + x] = p;
            }
        }
    }
}
