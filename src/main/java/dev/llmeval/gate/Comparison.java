package dev.llmeval.gate;

import java.util.List;
import java.util.Objects;

/**
 * One metric of the current run compared with the baseline, over the samples scored in both.
 *
 * @param metricId the metric
 * @param baselineMean the baseline's mean over the PAIRED samples (not the baseline report's
 *     overall mean); {@code null} when no sample is paired
 * @param currentMean the current run's mean over the same paired samples; {@code null} when none
 * @param delta {@code currentMean - baselineMean}, the mean paired difference; negative when the
 *     metric regressed; {@code null} when no sample is paired
 * @param ciLow the lower bound of the paired bootstrap 95% confidence interval of {@code delta};
 *     NaN when no sample is paired
 * @param ciHigh its upper bound; NaN when no sample is paired
 * @param paired how many samples were scored in both runs
 * @param onlyInBaseline ids scored only in the baseline, sorted; not compared
 * @param onlyInCurrent ids scored only in the current run, sorted; not compared
 * @param worst up to 5 paired samples that regressed most (most negative delta first, or most positive
 *     for a metric where lower is better; then by id)
 */
public record Comparison(
        String metricId,
        Double baselineMean,
        Double currentMean,
        Double delta,
        double ciLow,
        double ciHigh,
        int paired,
        List<String> onlyInBaseline,
        List<String> onlyInCurrent,
        List<SampleDelta> worst) {

    public Comparison {
        Objects.requireNonNull(metricId, "metricId == null");
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        worst = List.copyOf(worst);
        boolean none = paired == 0;
        if (paired < 0 || none != (delta == null) || none != (baselineMean == null)
                || none != (currentMean == null)) {
            throw new IllegalArgumentException(
                    metricId + ": means and delta exist exactly when some sample is paired");
        }
    }
}
