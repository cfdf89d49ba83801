package dev.llmeval;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * An HTTP error from a model provider that said when to try again (a {@code Retry-After}
 * header). Thrown by llmeval's HTTP client wrapper in {@code provider}; LangChain4j maps it to
 * its own exception types (e.g. a rate-limit exception) with this one as the cause, where the
 * judge's retry policy finds it.
 */
public class RetryAfterHttpException extends HttpException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RetryAfterHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked to wait before the next attempt. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
