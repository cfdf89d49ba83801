package dev.llmeval.judge;

/** A judge reply that could not be read into the step's record; the message says why. */
final class JudgeFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JudgeFormatException(String message) {
        super(message);
    }

    JudgeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
