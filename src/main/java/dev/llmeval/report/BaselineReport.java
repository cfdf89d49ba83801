package dev.llmeval.report;

import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.SampleDelta;
import java.util.List;

/**
 * This run against a baseline report ({@code --baseline}): per metric, the means over the samples
 * scored in both runs, the change with its paired bootstrap 95% confidence interval, and the
 * samples that regressed most.
 *
 * @param path the baseline report.json
 */
public record BaselineReport(String path, List<MetricChange> metrics) {

    public BaselineReport {
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric against the baseline; means, delta and interval are null when no sample was
     * scored in both runs.
     */
    public record MetricChange(String metric, Double baselineMean, Double currentMean, Double delta,
            Double ciLow, Double ciHigh, int paired, int onlyInBaseline, int onlyInCurrent,
            List<SampleDelta> regressedMost) {}

    public static BaselineReport of(String path, List<Comparison> comparisons) {
        return new BaselineReport(path, comparisons.stream().map(c -> new MetricChange(c.metricId(),
                c.baselineMean(), c.currentMean(), c.delta(), finite(c.ciLow()), finite(c.ciHigh()), c.paired(),
                c.onlyInBaseline().size(), c.onlyInCurrent().size(), c.worst())).toList());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
