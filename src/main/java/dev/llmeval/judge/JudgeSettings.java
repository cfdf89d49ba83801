package dev.llmeval.judge;

import java.util.Objects;

/**
 * How the judge calls its model.
 *
 * @param mode how to request JSON
 * @param temperature sampling temperature sent with every request
 * @param formatRetries repair requests allowed when a reply cannot be read
 */
public record JudgeSettings(OutputMode mode, double temperature, int formatRetries) {

    public JudgeSettings {
        Objects.requireNonNull(mode, "mode == null");
        if (Double.isNaN(temperature) || temperature < 0.0 || temperature > 2.0) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (formatRetries < 0) {
            throw new IllegalArgumentException("formatRetries must be >= 0, got " + formatRetries);
        }
    }

    /** AUTO output mode, temperature 0, one repair request. */
    public static JudgeSettings defaults() {
        return new JudgeSettings(OutputMode.AUTO, 0.0, 1);
    }
}
