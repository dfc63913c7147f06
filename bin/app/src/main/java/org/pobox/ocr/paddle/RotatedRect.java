package org.pobox.ocr.paddle;

import java.util.Arrays;

/**
 * A rectangle at an angle, as OpenCV's {@code minAreaRect} returns it. The angle is kept in
 * (-45°, 45°] so that {@code width} is the more horizontal side.
 */
record RotatedRect(double cx, double cy, double width, double height, double angle) {

    /** The smallest rectangle around a set of points (rotating calipers over their convex hull). */
    static RotatedRect minAreaRect(int[] xs, int[] ys, int n) {
        int[][] hull = convexHull(xs, ys, n);
        int m = hull.length;
        if (m < 3) {
            return null;
        }
        double best = Double.MAX_VALUE;
        RotatedRect result = null;
        for (int i = 0; i < m; i++) {
            int[] p = hull[i];
            int[] q = hull[(i + 1) % m];
            double theta = Math.atan2(q[1] - p[1], q[0] - p[0]);
            double ux = Math.cos(theta), uy = Math.sin(theta);
            double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE;
            double minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (int[] h : hull) {
                double u = h[0] * ux + h[1] * uy;
                double v = -h[0] * uy + h[1] * ux;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < best) {
                best = area;
                double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
                double cx = cu * ux - cv * uy;
                double cy = cu * uy + cv * ux;
                result = normalised(cx, cy, maxU - minU, maxV - minV, theta);
            }
        }
        return result;
    }

    private static RotatedRect normalised(double cx, double cy, double w, double h, double theta) {
        double a = Math.IEEEremainder(theta, Math.PI); // (-90°, 90°]
        if (a > Math.PI / 4) {
            return new RotatedRect(cx, cy, h, w, a - Math.PI / 2);
        }
        if (a <= -Math.PI / 4) {
            return new RotatedRect(cx, cy, h, w, a + Math.PI / 2);
        }
        return new RotatedRect(cx, cy, w, h, a);
    }

    /** The same rectangle grown by {@code d} on every side. */
    RotatedRect grown(double d) {
        return new RotatedRect(cx, cy, width + 2 * d, height + 2 * d, angle);
    }

    /** Corners top-left, top-right, bottom-right, bottom-left as {xs, ys}. */
    double[][] corners() {
        double ux = Math.cos(angle) * width / 2, uy = Math.sin(angle) * width / 2;
        double vx = -Math.sin(angle) * height / 2, vy = Math.cos(angle) * height / 2;
        double[] xs = {cx - ux - vx, cx + ux - vx, cx + ux + vx, cx - ux + vx};
        double[] ys = {cy - uy - vy, cy + uy - vy, cy + uy + vy, cy - uy + vy};
        return new double[][] {xs, ys};
    }

    /** Andrew's monotone chain; returns the hull counter-clockwise without repeated points. */
    static int[][] convexHull(int[] xs, int[] ys, int n) {
        int[][] pts = new int[n][];
        for (int i = 0; i < n; i++) {
            pts[i] = new int[] {xs[i], ys[i]};
        }
        Arrays.sort(pts, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[][] hull = new int[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) {
                k--;
            }
            hull[k++] = pts[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0) {
                k--;
            }
            hull[k++] = pts[i];
        }
        return Arrays.copyOf(hull, Math.max(k - 1, 0));
    }

    private static long cross(int[] o, int[] a, int[] b) {
        return (long) (a[0] - o[0]) * (b[1] - o[1]) - (long) (a[1] - o[1]) * (b[0] - o[0]);
    }
}
