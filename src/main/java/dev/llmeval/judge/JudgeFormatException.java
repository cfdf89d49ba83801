package dev.llmeval.judge;

/**
 * A judge reply that could not be read into the step's record, or was read but cannot be used for
 * the input it was asked about; the message says why.
 */
final class JudgeFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean unusable;

    JudgeFormatException(String message) {
        this(message, false);
    }

    /** @param unusable the reply was read, but {@link OutputSpec#check} found it unusable */
    JudgeFormatException(String message, boolean unusable) {
        super(message);
        this.unusable = unusable;
    }

    JudgeFormatException(String message, Throwable cause) {
        super(message, cause);
        this.unusable = false;
    }

    /** Read but not usable, as opposed to unreadable. */
    boolean unusable() {
        return unusable;
    }
}
