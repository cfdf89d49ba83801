package dev.llmeval.dataset;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;

/** Builds the one-line INVALID_INPUT errors of this package. */
final class Invalid {

    private Invalid() {
    }

    static LlmevalException input(String message) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, message);
    }

    static LlmevalException input(String message, Throwable cause) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, message, cause);
    }
}
