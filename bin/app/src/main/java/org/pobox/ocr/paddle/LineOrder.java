package org.pobox.ocr.paddle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts recognised boxes back into reading order. The detector returns boxes in no useful order,
 * and on a skewed page sorting by raw y mixes neighbouring lines; so: estimate the skew from the
 * wide boxes, undo it on the box centres, group boxes whose centres are within half a line
 * height, and read each group left to right.
 */
final class LineOrder {

    /** A box with what was read in it. */
    record Piece(TextBox box, String text, double score) {
    }

    private LineOrder() {
    }

    /** The page text: one line per text line, boxes on a line separated by a space. */
    static String text(List<Piece> pieces) {
        StringBuilder out = new StringBuilder();
        for (List<Piece> line : lines(pieces)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            for (int i = 0; i < line.size(); i++) {
                out.append(i == 0 ? "" : " ").append(line.get(i).text());
            }
        }
        return out.toString();
    }

    /** The pieces line by line, each line left to right. */
    static List<Piece> readingOrder(List<Piece> pieces) {
        return lines(pieces).stream().flatMap(List::stream).toList();
    }

    static List<List<Piece>> lines(List<Piece> pieces) {
        if (pieces.isEmpty()) {
            return List.of();
        }
        double skew = skew(pieces);
        double sin = Math.sin(skew), cos = Math.cos(skew);
        double halfLine = 0.5 * median(pieces.stream().mapToDouble(p -> p.box().height()).toArray());
        Comparator<Piece> byY = Comparator.comparingDouble(p -> levelY(p, sin, cos));
        List<Piece> sorted = new ArrayList<>(pieces);
        sorted.sort(byY);

        List<List<Piece>> lines = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        double sumY = 0;
        for (Piece p : sorted) {
            double y = levelY(p, sin, cos);
            if (!current.isEmpty() && Math.abs(y - sumY / current.size()) > halfLine) {
                lines.add(current);
                current = new ArrayList<>();
                sumY = 0;
            }
            current.add(p);
            sumY += y;
        }
        lines.add(current);
        for (List<Piece> line : lines) {
            line.sort(Comparator.comparingDouble(p -> p.box().centreX() * cos + p.box().centreY() * sin));
        }
        return lines;
    }

    /** Median angle of the boxes clearly wider than high (single characters say little about skew). */
    static double skew(List<Piece> pieces) {
        double[] wide = pieces.stream().map(Piece::box).filter(b -> b.width() > 2 * b.height())
                .mapToDouble(TextBox::angle).toArray();
        return wide.length == 0
                ? median(pieces.stream().mapToDouble(p -> p.box().angle()).toArray())
                : median(wide);
    }

    private static double levelY(Piece p, double sin, double cos) {
        return -p.box().centreX() * sin + p.box().centreY() * cos;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
