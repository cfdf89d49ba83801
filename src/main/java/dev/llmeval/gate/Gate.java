package dev.llmeval.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Compares each metric's mean with its threshold. Pure: no I/O. */
public final class Gate {

    /** Absorbs floating-point noise in the mean, so a mean printed as 0.700 meets 0.7. */
    static final double TOLERANCE = 1e-9;

    private Gate() {}

    /**
     * A metric passes when its mean is at least its threshold (at most, for a metric where lower
     * is better: see {@link Direction}). A threshold fails when its metric
     * has no scored sample or was not run. Metrics without a threshold never fail. Failures come
     * in summary order, then thresholds on metrics that were not run, by id.
     */
    public static GateDecision decide(List<MetricSummary> summaries, Thresholds thresholds) {
        Map<String, MetricSummary> byId = new LinkedHashMap<>();
        summaries.forEach(s -> byId.put(s.metricId(), s));
        List<GateFailure> failures = new ArrayList<>();
        for (MetricSummary summary : byId.values()) {
            thresholds.minimum(summary.metricId())
                    .flatMap(min -> failure(summary, min))
                    .ifPresent(failures::add);
        }
        thresholds.minimums().forEach((id, min) -> {
            if (!byId.containsKey(id)) {
                failures.add(new GateFailure(id, min, null, "metric was not run"));
            }
        });
        return new GateDecision(failures.isEmpty(), failures);
    }

    private static Optional<GateFailure> failure(MetricSummary s, double min) {
        if (s.mean() == null) {
            return Optional.of(
                    new GateFailure(s.metricId(), min, null, "no scored samples" + counts(s)));
        }
        Direction direction = Direction.of(s.metricId());
        if (direction.meets(s.mean(), min)) {
            return Optional.empty();
        }
        String message = String.format(Locale.ROOT, "mean %.3f %s %.3f", s.mean(), direction.missed(), min);
        return Optional.of(new GateFailure(s.metricId(), min, s.mean(), message));
    }

    private static String counts(MetricSummary s) {
        List<String> parts = new ArrayList<>();
        if (s.errors() > 0) {
            parts.add(s.errors() + (s.errors() == 1 ? " error" : " errors"));
        }
        if (s.skipped() > 0) {
            parts.add(s.skipped() + " skipped");
        }
        if (s.notApplicable() > 0) {
            parts.add(s.notApplicable() + " not applicable");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
