package dev.llmeval.report;

import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.SampleDelta;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This run against a baseline report ({@code --baseline}): per metric, the means over the samples
 * scored in both runs, the change with its paired bootstrap 95% confidence interval, the allowed
 * drop and whether the metric regressed beyond it, the unpaired samples and the samples that
 * regressed most.
 *
 * @param path the baseline report.json
 * @param significantOnly whether {@code --significant-only} was set: a metric regresses only
 *     when its whole confidence interval is beyond the allowed drop
 */
public record BaselineReport(String path, boolean significantOnly, List<MetricChange> metrics) {

    public BaselineReport {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /**
     * One metric against the baseline; means, delta and interval are null when no sample was
     * scored in both runs.
     *
     * @param onlyInBaseline how many samples were scored in the baseline only
     * @param onlyInCurrent how many samples were scored in this run only
     * @param regressedMost up to 5 paired samples that got worse, the worst first
     * @param maxDrop the {@code --max-drop} for this metric as given ({@code 0.05} or {@code 5%}),
     *     or null when it has none
     * @param allowedDrop how far the mean was allowed to get worse, in score points (a relative
     *     max drop times the baseline mean); null without a max drop or without paired samples
     * @param regressed whether the regression gate failed this metric; null without a max drop
     * @param onlyInBaselineIds the ids counted by {@code onlyInBaseline}, sorted
     * @param onlyInCurrentIds the ids counted by {@code onlyInCurrent}, sorted
     */
    public record MetricChange(String metric, Double baselineMean, Double currentMean, Double delta,
            Double ciLow, Double ciHigh, int paired, int onlyInBaseline, int onlyInCurrent,
            List<SampleDelta> regressedMost, String maxDrop, Double allowedDrop, Boolean regressed,
            List<String> onlyInBaselineIds, List<String> onlyInCurrentIds) {

        public MetricChange {
            regressedMost = regressedMost == null ? List.of() : List.copyOf(regressedMost);
            onlyInBaselineIds = onlyInBaselineIds == null ? List.of() : List.copyOf(onlyInBaselineIds);
            onlyInCurrentIds = onlyInCurrentIds == null ? List.of() : List.copyOf(onlyInCurrentIds);
        }
    }

    /**
     * The comparisons as the report shows them, each with its metric's max drop and whether the
     * regression gate failed it.
     *
     * @param regressed the metrics the regression gate failed
     */
    public static BaselineReport of(String path, List<Comparison> comparisons, List<MaxDrop> maxDrops,
            boolean significantOnly, Set<String> regressed) {
        Map<String, MaxDrop> drops = maxDrops.stream()
                .collect(Collectors.toMap(MaxDrop::metricId, Function.identity(), (a, b) -> a));
        return new BaselineReport(path, significantOnly, comparisons.stream().map(c -> {
            MaxDrop drop = drops.get(c.metricId());
            Double allowed = drop == null || c.baselineMean() == null ? null : drop.allowed(c.baselineMean());
            return new MetricChange(c.metricId(), c.baselineMean(), c.currentMean(), c.delta(),
                    finite(c.ciLow()), finite(c.ciHigh()), c.paired(), c.onlyInBaseline().size(),
                    c.onlyInCurrent().size(), c.worst(), drop == null ? null : spec(drop), allowed,
                    drop == null ? null : regressed.contains(c.metricId()),
                    c.onlyInBaseline(), c.onlyInCurrent());
        }).toList());
    }

    /** {@code 0.05} or {@code 5%}, as it would be written on the command line. */
    static String spec(MaxDrop drop) {
        if (!drop.relative()) {
            return plain(drop.amount());
        }
        return plain(drop.amount() * 100.0) + "%";
    }

    private static String plain(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
