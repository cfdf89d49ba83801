package dev.llmeval.judge;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.llmeval.RetryAfterHttpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How llmeval retries a failed provider call (providers are built with LangChain4j
 * {@code maxRetries(0)}): rate limits, timeouts, server errors and connection errors are retried
 * with exponential backoff and full jitter; a provider's {@code Retry-After} wins over the
 * backoff. Authentication, invalid requests and unknown models are never retried.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param baseDelay the backoff cap of the first retry
 * @param factor how much the cap grows with each retry
 * @param maxDelay the largest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer hints are cut to this
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, double factor, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        requirePositive(baseDelay, "baseDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (Double.isNaN(factor) || factor < 1.0) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
    }

    /** 4 retries, 1 s doubling up to 30 s, Retry-After honoured up to 120 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(120));
    }

    /** No retries: the first failure is final. */
    public static RetryPolicy none() {
        return defaults().withMaxRetries(0);
    }

    public RetryPolicy withMaxRetries(int retries) {
        return new RetryPolicy(retries, baseDelay, factor, maxDelay, maxRetryAfter);
    }

    /**
     * Runs {@code attempt}, retrying it while it fails with a retriable error and retries remain.
     *
     * @param onRetry told of each failure that will be retried and of the wait before its retry
     * @return the first successful result
     * @throws RuntimeException the error that was not retried: non-retriable, or the last one
     */
    <T> T run(Supplier<T> attempt, Sleeper sleeper, RandomGenerator random,
            BiConsumer<RuntimeException, Duration> onRetry) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (retry >= maxRetries || !isRetriable(e)) {
                    throw e;
                }
                Duration wait = delay(retry, e, random.nextDouble());
                onRetry.accept(e, wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }

    /**
     * The wait before retry {@code retry} (0 for the first): the provider's Retry-After when the
     * error carries one (capped at {@code maxRetryAfter}), otherwise {@code jitter} (in [0, 1))
     * times {@code min(maxDelay, baseDelay * factor^retry)}.
     */
    Duration delay(int retry, Throwable error, double jitter) {
        Optional<Duration> hint = retryAfter(error);
        if (hint.isPresent()) {
            return hint.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : hint.get();
        }
        double capNanos = Math.min((double) maxDelay.toNanos(), baseDelay.toNanos() * Math.pow(factor, retry));
        return Duration.ofNanos((long) (capNanos * jitter));
    }

    /** Whether another attempt may succeed: see the class comment. */
    static boolean isRetriable(Throwable error) {
        boolean retriable = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NonRetriableException || t instanceof UnresolvedModelServerException) {
                return false;
            }
            if (t instanceof RetriableException
                    || t instanceof IOException
                    || t instanceof UncheckedIOException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof HttpException http && isRetriableStatus(http.statusCode())) {
                retriable = true;
            }
        }
        return retriable;
    }

    /** What failed, for a message: {@code HTTP 429}, or the error's type. */
    static String cause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return "HTTP " + http.statusCode();
            }
        }
        return error.getClass().getSimpleName();
    }

    /** Whether the error is a rate limit (429), which should slow the caller down. */
    static boolean isRateLimit(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RateLimitException || t instanceof HttpException http && http.statusCode() == 429) {
                return true;
            }
        }
        return false;
    }

    /** The Retry-After of a {@link RetryAfterHttpException} anywhere in the cause chain. */
    static Optional<Duration> retryAfter(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetryAfterHttpException hinted && hinted.retryAfter() != null
                    && !hinted.retryAfter().isNegative()) {
                return Optional.of(hinted.retryAfter());
            }
        }
        return Optional.empty();
    }

    private static boolean isRetriableStatus(int status) {
        return status == 408 || status == 429 || status >= 500 && status <= 599;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " == null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
