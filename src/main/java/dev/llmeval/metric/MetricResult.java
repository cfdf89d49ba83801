package dev.llmeval.metric;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one metric on one sample.
 *
 * @param metricId the metric's id, e.g. {@code faithfulness}
 * @param outcome what happened
 * @param score in [0, 1] when {@code outcome} is SCORED, otherwise {@code null}
 * @param reason a short human-readable explanation built from the verdicts (or the error)
 * @param details structured evidence: statements and verdicts, per-chunk verdicts, generated
 *     questions; plain lists, maps, strings, numbers and records that Jackson can write
 * @param usage judge calls and tokens spent
 */
public record MetricResult(
        String metricId,
        Outcome outcome,
        Double score,
        String reason,
        Map<String, Object> details,
        JudgeUsage usage) {

    public MetricResult {
        Objects.requireNonNull(metricId, "metricId == null");
        Objects.requireNonNull(outcome, "outcome == null");
        if (outcome == Outcome.SCORED) {
            if (score == null || score.isNaN() || score < 0.0 || score > 1.0) {
                throw new IllegalArgumentException(
                        metricId + ": a scored result needs a score in [0, 1], got " + score);
            }
        } else if (score != null) {
            throw new IllegalArgumentException(metricId + ": only a scored result has a score");
        }
        reason = reason == null ? "" : reason;
        details = details == null ? Map.of() : details;
        usage = usage == null ? JudgeUsage.NONE : usage;
    }

    public static MetricResult scored(
            String metricId, double score, String reason, Map<String, Object> details,
            JudgeUsage usage) {
        return new MetricResult(metricId, Outcome.SCORED, score, reason, details, usage);
    }

    public static MetricResult notApplicable(
            String metricId, String reason, Map<String, Object> details, JudgeUsage usage) {
        return new MetricResult(metricId, Outcome.NOT_APPLICABLE, null, reason, details, usage);
    }

    public static MetricResult skipped(String metricId, String reason) {
        return new MetricResult(metricId, Outcome.SKIPPED, null, reason, Map.of(), JudgeUsage.NONE);
    }

    public static MetricResult error(String metricId, String reason, JudgeUsage usage) {
        return new MetricResult(metricId, Outcome.ERROR, null, reason, Map.of(), usage);
    }
}
