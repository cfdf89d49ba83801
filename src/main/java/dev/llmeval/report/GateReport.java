package dev.llmeval.report;

import dev.llmeval.gate.GateDecision;
import java.util.List;

/** The gate's verdict as the report shows it. */
public record GateReport(boolean passed, List<Failure> failures) {

    public GateReport {
        failures = List.copyOf(failures);
    }

    /**
     * A threshold that was not met.
     *
     * @param actual the metric's mean, or {@code null} when nothing was scored or it was not run
     */
    public record Failure(String metric, double threshold, Double actual, String message) {

        /** A mean under its threshold (the gate's {@code mean M < T}), as opposed to a pass-rate or baseline failure. */
        public boolean meanBelowThreshold() {
            return actual != null && message.startsWith("mean ");
        }
    }

    static GateReport of(GateDecision decision) {
        return new GateReport(
                decision.passed(),
                decision.failures().stream()
                        .map(f -> new Failure(f.metricId(), f.threshold(), f.actual(), f.message()))
                        .toList());
    }
}
