package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.llmeval.RetryAfterHttpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final FakeTime time = new FakeTime();

    @Test
    void should_retry_when_error_is_transient() {
        assertThat(RetryPolicy.isRetriable(new RateLimitException("slow down"))).isTrue();
        assertThat(RetryPolicy.isRetriable(new InternalServerException("boom"))).isTrue();
        assertThat(RetryPolicy.isRetriable(new TimeoutException("read timed out"))).isTrue();
        assertThat(RetryPolicy.isRetriable(new HttpException(429, "too many"))).isTrue();
        assertThat(RetryPolicy.isRetriable(new HttpException(503, "unavailable"))).isTrue();
        assertThat(RetryPolicy.isRetriable(new UncheckedIOException(new IOException("reset")))).isTrue();
        assertThat(RetryPolicy.isRetriable(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
        assertThat(RetryPolicy.isRetriable(new RuntimeException(new HttpTimeoutException("timed out")))).isTrue();
    }

    @Test
    void should_not_retry_when_error_is_permanent() {
        assertThat(RetryPolicy.isRetriable(new AuthenticationException("bad key"))).isFalse();
        assertThat(RetryPolicy.isRetriable(new InvalidRequestException("too long"))).isFalse();
        assertThat(RetryPolicy.isRetriable(new ModelNotFoundException("no such model"))).isFalse();
        assertThat(RetryPolicy.isRetriable(new HttpException(400, "bad request"))).isFalse();
        assertThat(RetryPolicy.isRetriable(new IllegalStateException("bug"))).isFalse();
        assertThat(RetryPolicy.isRetriable(
                new AuthenticationException("bad key", new HttpException(401, "unauthorized")))).isFalse();
    }

    @Test
    void should_grow_backoff_exponentially_up_to_cap_when_jitter_is_fixed() {
        // given
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(120));
        RuntimeException error = new RateLimitException("slow down");

        // when
        List<Duration> full = new ArrayList<>();
        for (int retry = 0; retry < 7; retry++) {
            full.add(policy.delay(retry, error, 1.0));
        }

        // then
        assertThat(full).extracting(Duration::toMillis).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        assertThat(policy.delay(2, error, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(0, error, 0.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void should_sleep_seeded_jittered_backoff_when_retrying() {
        // given
        RetryPolicy policy = RetryPolicy.defaults();
        AtomicInteger attempts = new AtomicInteger();
        Random expected = new Random(42);

        // when
        String result = policy.run(() -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new InternalServerException("boom");
            }
            return "ok";
        }, time, new Random(42), (e, wait) -> {});

        // then
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(4);
        assertThat(time.sleeps()).containsExactly(
                Duration.ofNanos((long) (1e9 * expected.nextDouble())),
                Duration.ofNanos((long) (2e9 * expected.nextDouble())),
                Duration.ofNanos((long) (4e9 * expected.nextDouble())));
    }

    @Test
    void should_wait_retry_after_when_cause_chain_carries_it() {
        // given
        RetryPolicy policy = RetryPolicy.defaults();
        RuntimeException hinted = new RateLimitException(
                "slow down", new RetryAfterHttpException(429, "{}", Duration.ofSeconds(7)));
        RuntimeException excessive = new RateLimitException(
                "slow down", new RetryAfterHttpException(429, "{}", Duration.ofHours(1)));
        AtomicInteger attempts = new AtomicInteger();

        // when
        policy.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw hinted;
            }
            return "ok";
        }, time, new Random(1), (e, wait) -> {});

        // then
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
        assertThat(policy.delay(0, excessive, 0.3)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void should_throw_last_error_when_retries_run_out() {
        // given
        RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(2);
        AtomicInteger attempts = new AtomicInteger();
        List<RuntimeException> retried = new ArrayList<>();

        // when
        Throwable thrown = catchThrowable(() -> policy.run(() -> {
            throw new TimeoutException("attempt " + attempts.incrementAndGet());
        }, time, new Random(3), (e, wait) -> retried.add(e)));

        // then
        assertThat(thrown).isInstanceOf(TimeoutException.class).hasMessage("attempt 3");
        assertThat(attempts).hasValue(3);
        assertThat(retried).hasSize(2);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void should_not_retry_when_authentication_fails() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when
        Throwable thrown = catchThrowable(() -> RetryPolicy.defaults().run(() -> {
            attempts.incrementAndGet();
            throw new AuthenticationException("401 bad key");
        }, time, new Random(3), (e, wait) -> {}));

        // then
        assertThat(thrown).isInstanceOf(AuthenticationException.class);
        assertThat(attempts).hasValue(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void should_find_rate_limit_when_status_is_429() {
        assertThat(RetryPolicy.isRateLimit(new RateLimitException("slow"))).isTrue();
        assertThat(RetryPolicy.isRateLimit(new RuntimeException(new HttpException(429, "slow")))).isTrue();
        assertThat(RetryPolicy.isRateLimit(new InternalServerException("boom"))).isFalse();
    }
}
