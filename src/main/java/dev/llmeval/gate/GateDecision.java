package dev.llmeval.gate;

import java.util.List;

/**
 * The verdict of the gate: passed exactly when no threshold failed.
 *
 * @param passed whether every threshold was met
 * @param failures the thresholds that were not met, in metric order
 */
public record GateDecision(boolean passed, List<GateFailure> failures) {

    public GateDecision {
        failures = List.copyOf(failures);
        if (passed != failures.isEmpty()) {
            throw new IllegalArgumentException("passed must be true exactly when nothing failed");
        }
    }

    /** Whether {@code metricId} has a failed threshold. */
    public boolean failed(String metricId) {
        return failures.stream().anyMatch(f -> f.metricId().equals(metricId));
    }
}
