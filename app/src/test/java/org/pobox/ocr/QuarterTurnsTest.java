package org.pobox.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A box found on a page turned upright lands where it is on the scan. */
class QuarterTurnsTest {

    /** On a 4x2 scan, the point (1, 0) is at (2, 1) once the scan is turned a quarter clockwise (2x4). */
    @Test
    void oneQuarterTurnIsUndone() {
        double[] xs = {2};
        double[] ys = {1};
        QuarterTurns.undo(xs, ys, 1, 2, 4);
        assertThat(xs).containsExactly(1);
        assertThat(ys).containsExactly(0);
    }

    /** Turned twice (upside down, still 4x2) the same point is at (3, 2). */
    @Test
    void twoQuarterTurnsAreUndone() {
        double[] xs = {3};
        double[] ys = {2};
        QuarterTurns.undo(xs, ys, 2, 4, 2);
        assertThat(xs).containsExactly(1);
        assertThat(ys).containsExactly(0);
    }

    @Test
    void noTurnLeavesThePointsAlone() {
        double[] xs = {5, 6};
        double[] ys = {7, 8};
        QuarterTurns.undo(xs, ys, 0, 10, 20);
        assertThat(xs).containsExactly(5, 6);
        assertThat(ys).containsExactly(7, 8);
    }
}
