package dev.llmeval.gate;

import dev.llmeval.metric.JudgeUsage;
import java.util.Objects;

/**
 * One metric aggregated over all samples.
 *
 * @param metricId the metric's id
 * @param mean the mean score over SCORED results only; {@code null} when none was scored
 * @param scored how many results were SCORED
 * @param notApplicable how many were NOT_APPLICABLE (left out of the mean)
 * @param skipped how many were SKIPPED (left out of the mean)
 * @param errors how many were ERROR (left out of the mean)
 * @param usage judge calls and tokens summed over all results
 */
public record MetricSummary(
        String metricId,
        Double mean,
        int scored,
        int notApplicable,
        int skipped,
        int errors,
        JudgeUsage usage) {

    public MetricSummary {
        Objects.requireNonNull(metricId, "metricId == null");
        usage = usage == null ? JudgeUsage.NONE : usage;
        if ((mean == null) != (scored == 0)) {
            throw new IllegalArgumentException(
                    metricId + ": a mean exists exactly when something was scored");
        }
    }

    /** All results, whatever their outcome. */
    public int total() {
        return scored + notApplicable + skipped + errors;
    }
}
