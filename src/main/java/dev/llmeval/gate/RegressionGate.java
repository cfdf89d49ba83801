package dev.llmeval.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fails metrics whose mean got too much worse than the baseline's: dropped, or rose for a metric
 * where lower is better ({@link Direction}). Pure: no I/O.
 */
public final class RegressionGate {

    private RegressionGate() {}

    /**
     * Checks every max drop against its metric's comparison, in {@code maxDrops} order.
     *
     * <p>The allowed drop is the max drop's amount, or, when relative, amount × the baseline mean
     * over the paired samples. A metric fails when {@code -delta > allowed}; with
     * {@code significantOnly} only when the whole 95% confidence interval lies below
     * {@code -allowed} ({@code ciHigh < -allowed}). A max drop also fails when its metric has no
     * comparison or no sample scored in both runs. Metrics without a max drop never fail.
     *
     * <p>Each failure's {@code threshold} is the lowest current mean that was allowed
     * ({@code baselineMean - allowed}) and its {@code actual} the current mean, both over the
     * paired samples; both are 0 / {@code null} when nothing could be compared.
     *
     * <p>For a metric where lower is better everything is mirrored: it fails when
     * {@code delta > allowed} (with {@code significantOnly}: {@code ciLow > allowed}), and the
     * failure's {@code threshold} is the highest mean allowed ({@code baselineMean + allowed}).
     */
    public static List<GateFailure> check(
            List<Comparison> comparisons, List<MaxDrop> maxDrops, boolean significantOnly) {
        Map<String, Comparison> byId = new LinkedHashMap<>();
        comparisons.forEach(c -> byId.put(c.metricId(), c));
        List<GateFailure> failures = new ArrayList<>();
        for (MaxDrop drop : maxDrops) {
            Comparison c = byId.get(drop.metricId());
            if (c == null) {
                failures.add(new GateFailure(drop.metricId(), 0.0, null,
                        "not compared with the baseline (metric was not run in both)"));
                continue;
            }
            if (c.paired() == 0) {
                failures.add(new GateFailure(drop.metricId(), 0.0, null,
                        "no sample scored in both the baseline and this run"));
                continue;
            }
            double allowed = drop.allowed(c.baselineMean());
            Direction direction = Direction.of(c.metricId());
            boolean higher = direction.higherIsBetter();
            double worsened = direction.worsening(c.baselineMean(), c.currentMean());
            boolean failed = significantOnly
                    ? (higher ? c.ciHigh() + Gate.TOLERANCE < -allowed : c.ciLow() - Gate.TOLERANCE > allowed)
                    : worsened > allowed + Gate.TOLERANCE;
            if (failed) {
                failures.add(new GateFailure(drop.metricId(),
                        higher ? c.baselineMean() - allowed : c.baselineMean() + allowed,
                        c.currentMean(), message(c, drop, allowed, significantOnly, direction)));
            }
        }
        return List.copyOf(failures);
    }

    private static String message(Comparison c, MaxDrop drop, double allowed, boolean significant,
            Direction direction) {
        boolean higher = direction.higherIsBetter();
        String text = String.format(Locale.ROOT,
                "%s %.3f vs baseline (%.3f -> %.3f, 95%% CI %.3f..%.3f) > allowed %.3f",
                higher ? "dropped" : "rose (lower is better)", higher ? -c.delta() : c.delta(),
                c.baselineMean(), c.currentMean(), c.ciLow(), c.ciHigh(), allowed);
        if (drop.relative()) {
            text += String.format(Locale.ROOT, " (%s%% of %.3f)", percent(drop.amount()), c.baselineMean());
        }
        if (significant) {
            text += higher ? String.format(Locale.ROOT, ", the whole CI below %.3f", -allowed)
                    : String.format(Locale.ROOT, ", the whole CI above %.3f", allowed);
        }
        return text;
    }

    private static String percent(double fraction) {
        String text = String.format(Locale.ROOT, "%.2f", fraction * 100.0);
        return text.replaceAll("\\.?0+$", "");
    }
}
