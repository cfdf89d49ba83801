package dev.llmeval.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Counts of scores in ten equal bins over [0, 1] (the last bin includes 1.0), drawn as a small
 * inline SVG bar chart. Only the counts are kept, never the scores.
 */
final class Histogram {

    static final int BINS = 10;
    private static final int WIDTH = 220;
    private static final int HEIGHT = 64;
    private static final int BAR = WIDTH / BINS;

    private final int[] counts = new int[BINS];

    void add(double score) {
        int bin = (int) Math.floor(score * BINS);
        counts[Math.max(0, Math.min(BINS - 1, bin))]++;
    }

    int count(int bin) {
        return counts[bin];
    }

    int total() {
        return Arrays.stream(counts).sum();
    }

    /** The chart: one rect per bin with a title tooltip, and a dashed line at the threshold. */
    void svg(Html html, String metric, Double threshold) {
        int max = Arrays.stream(counts).max().orElse(0);
        html.raw("<svg class=\"hist\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + 12)
                + "\" width=\"" + WIDTH + "\" height=\"" + (HEIGHT + 12)
                + "\" role=\"img\" aria-label=\"");
        html.text("score histogram of " + metric);
        html.raw("\">");
        html.raw("<line class=\"axis\" x1=\"0\" y1=\"" + HEIGHT + "\" x2=\"" + WIDTH + "\" y2=\""
                + HEIGHT + "\"/>");
        for (int i = 0; i < BINS; i++) {
            int h = max == 0 ? 0 : (int) Math.round((double) counts[i] * (HEIGHT - 2) / max);
            if (counts[i] > 0) {
                h = Math.max(h, 1);
            }
            html.raw("<g class=\"bin\"><title>");
            html.text(range(i) + ": " + counts[i] + (counts[i] == 1 ? " sample" : " samples"));
            html.raw("</title><rect class=\"hit\" x=\"" + (i * BAR) + "\" y=\"0\" width=\"" + BAR
                    + "\" height=\"" + HEIGHT + "\"/><rect class=\"bar\" data-count=\"" + counts[i]
                    + "\" x=\"" + (i * BAR + 1) + "\" y=\"" + (HEIGHT - h) + "\" width=\"" + (BAR - 2)
                    + "\" height=\"" + h + "\"/></g>");
        }
        if (threshold != null) {
            String x = String.format(Locale.ROOT, "%.1f", Math.max(0, Math.min(1, threshold)) * WIDTH);
            html.raw("<line class=\"threshold\" x1=\"" + x + "\" y1=\"0\" x2=\"" + x + "\" y2=\""
                    + HEIGHT + "\"><title>");
            html.text("threshold " + ConsoleSummary.number(threshold));
            html.raw("</title></line>");
        }
        html.raw("<text x=\"0\" y=\"" + (HEIGHT + 11) + "\">0</text>");
        html.raw("<text x=\"" + WIDTH + "\" y=\"" + (HEIGHT + 11)
                + "\" text-anchor=\"end\">1</text>");
        html.raw("</svg>");
    }

    static String range(int bin) {
        return String.format(Locale.ROOT, "%.1f-%.1f", bin / (double) BINS, (bin + 1) / (double) BINS)
                + (bin == BINS - 1 ? " (incl. 1.0)" : "");
    }
}
