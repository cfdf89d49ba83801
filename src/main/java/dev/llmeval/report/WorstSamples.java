package dev.llmeval.report;

import dev.llmeval.gate.Direction;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import java.util.BitSet;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The samples of a large run that report.html shows in full: the {@code limit} worst, picked
 * while the samples stream past and never holding more than {@code limit} of them (positions
 * only). Worst first: a sample with an error result, then one below a threshold, then the others;
 * within each, the lowest score on any metric (a lower-is-better metric's score counted as 1 − score),
 * then dataset order.
 */
final class WorstSamples {

    private record Entry(int group, double goodness, int position) {}

    private static final Comparator<Entry> WORST_FIRST = Comparator.comparingInt(Entry::group)
            .thenComparingDouble(Entry::goodness).thenComparingInt(Entry::position);

    private final int limit;
    /** The kept entries, the best of them on top, so it is the one to drop. */
    private final PriorityQueue<Entry> kept;

    WorstSamples(int limit) {
        this.limit = limit;
        this.kept = new PriorityQueue<>(WORST_FIRST.reversed());
    }

    /** Considers the sample at 1-based {@code position}. */
    void add(int position, SampleReport sample, RunReport report) {
        int group = 2;
        double goodness = Double.POSITIVE_INFINITY;
        for (MetricResult r : sample.scores().values()) {
            if (r.outcome() == Outcome.ERROR) {
                group = 0;
            } else if (r.outcome() == Outcome.SCORED) {
                if (group > 1 && HtmlReport.below(r, report)) {
                    group = 1;
                }
                double good = Direction.of(r.metricId()).higherIsBetter() ? r.score() : 1 - r.score();
                goodness = Math.min(goodness, good);
            }
        }
        Entry entry = new Entry(group, goodness, position);
        if (kept.size() < limit) {
            kept.add(entry);
        } else if (WORST_FIRST.compare(entry, kept.peek()) < 0) {
            kept.poll();
            kept.add(entry);
        }
    }

    /** The positions kept. */
    BitSet positions() {
        BitSet positions = new BitSet();
        kept.forEach(e -> positions.set(e.position()));
        return positions;
    }
}
