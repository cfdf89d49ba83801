package dev.llmeval.gate;

import dev.llmeval.metric.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A per-sample gate: enough scored samples must reach the metric's threshold. Pure: no I/O. */
public final class PassRate {

    private PassRate() {}

    /**
     * Fails when the share of SCORED samples with {@code score >= threshold} ({@code <=} for a
     * metric where lower is better, see {@link Direction}) is below
     * {@code requiredRate} (both compared with a 1e-9 tolerance), or when nothing was scored.
     * NOT_APPLICABLE, SKIPPED and ERROR results are left out of the share and counted in the
     * message of the no-scored-samples failure. The failure's {@code threshold} is
     * {@code requiredRate} and its {@code actual} the pass rate ({@code null} when nothing was
     * scored).
     *
     * @throws IllegalArgumentException when a value is outside [0, 1] or a result belongs to
     *     another metric
     */
    public static Optional<GateFailure> check(
            String metricId, double threshold, double requiredRate, List<MetricResult> results) {
        requireUnit("threshold", threshold);
        requireUnit("requiredRate", requiredRate);
        Direction direction = Direction.of(metricId);
        int scored = 0;
        int passing = 0;
        int notApplicable = 0;
        int skipped = 0;
        int errors = 0;
        for (MetricResult r : results) {
            if (!r.metricId().equals(metricId)) {
                throw new IllegalArgumentException(
                        "a " + r.metricId() + " result in the " + metricId + " pass rate");
            }
            switch (r.outcome()) {
                case SCORED -> {
                    scored++;
                    if (direction.meets(r.score(), threshold)) {
                        passing++;
                    }
                }
                case NOT_APPLICABLE -> notApplicable++;
                case SKIPPED -> skipped++;
                case ERROR -> errors++;
            }
        }
        if (scored == 0) {
            return Optional.of(new GateFailure(metricId, requiredRate, null,
                    "pass rate: no scored samples" + counts(notApplicable, skipped, errors)));
        }
        double rate = (double) passing / scored;
        if (rate + Gate.TOLERANCE >= requiredRate) {
            return Optional.empty();
        }
        String message = String.format(Locale.ROOT,
                "pass rate %.2f < %.2f (%d of %d scored samples %s %.2f)",
                rate, requiredRate, passing, scored, direction.bound(), threshold);
        return Optional.of(new GateFailure(metricId, requiredRate, rate, message));
    }

    private static String counts(int notApplicable, int skipped, int errors) {
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        if (notApplicable > 0) {
            parts.add(notApplicable + " not applicable");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static void requireUnit(String name, double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(name + " " + value + " not in [0, 1]");
        }
    }

}
