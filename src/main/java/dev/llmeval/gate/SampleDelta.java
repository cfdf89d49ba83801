package dev.llmeval.gate;

import java.util.Objects;

/**
 * One sample scored in both the baseline and the current run.
 *
 * @param id the sample id
 * @param baseline its score in the baseline
 * @param current its score in the current run
 */
public record SampleDelta(String id, double baseline, double current) {

    public SampleDelta {
        Objects.requireNonNull(id, "id == null");
    }

    /** {@code current - baseline}: negative when the sample regressed. */
    public double delta() {
        return current - baseline;
    }
}
