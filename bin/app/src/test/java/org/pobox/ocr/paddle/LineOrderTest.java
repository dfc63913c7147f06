package org.pobox.ocr.paddle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineOrderTest {

    /** A box of the given size whose top-left corner is at (x, y), turned by {@code angle} around the page origin. */
    private static TextBox box(double x, double y, double w, double h, double angle) {
        double[] xs = {x, x + w, x + w, x};
        double[] ys = {y, y, y + h, y + h};
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double[] rx = new double[4], ry = new double[4];
        for (int i = 0; i < 4; i++) {
            rx[i] = xs[i] * cos - ys[i] * sin;
            ry[i] = xs[i] * sin + ys[i] * cos;
        }
        return new TextBox(rx, ry, 1.0);
    }

    @Test
    void readsASkewedPageLineByLineLeftToRight() {
        // 3° over a 2000 px line is 105 px of drift, more than the 75 px between lines:
        // sorting raw centres would interleave the lines
        double skew = Math.toRadians(3);
        List<LineOrder.Piece> pieces = new ArrayList<>();
        for (int line = 0; line < 8; line++) {
            for (int part = 0; part < 3; part++) {
                pieces.add(new LineOrder.Piece(box(200 + part * 700, 300 + line * 75, 600, 45, skew), "L" + line + "P" + part, 1.0));
            }
        }
        Collections.shuffle(pieces, new Random(7));

        String text = LineOrder.text(pieces);

        String[] lines = text.split("\n");
        assertThat(lines).hasSize(8);
        for (int line = 0; line < 8; line++) {
            assertThat(lines[line]).isEqualTo("L%dP0 L%dP1 L%dP2".formatted(line, line, line));
        }
        assertThat(LineOrder.skew(pieces)).isCloseTo(skew, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void nothingToOrder() {
        assertThat(LineOrder.text(List.of())).isEmpty();
    }
}
