package dev.llmeval.target;

import java.util.Objects;

/**
 * The outcome of asking the target one question: exactly one of {@code answer} and {@code error}
 * is non-null.
 *
 * @param id the question id
 * @param answer the answer, null on error
 * @param error a one-line error message, null on success
 * @param latencyMillis wall-clock time of the call
 */
public record TargetResult(String id, TargetAnswer answer, String error, long latencyMillis) {

    public TargetResult {
        Objects.requireNonNull(id, "id == null");
        if ((answer == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of answer and error must be set");
        }
    }

    public static TargetResult success(String id, TargetAnswer answer, long latencyMillis) {
        return new TargetResult(id, answer, null, latencyMillis);
    }

    public static TargetResult failure(String id, String error, long latencyMillis) {
        return new TargetResult(id, null, error, latencyMillis);
    }

    public boolean failed() {
        return error != null;
    }
}
