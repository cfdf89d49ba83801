package dev.llmeval;

/**
 * A failure the user can act on: its message is printed as one line, without a stack trace, and
 * the process exits with {@link #status()}.
 */
public class LlmevalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    public LlmevalException(ExitStatus status, String message) {
        super(message);
        this.status = status;
    }

    public LlmevalException(ExitStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ExitStatus status() {
        return status;
    }
}
