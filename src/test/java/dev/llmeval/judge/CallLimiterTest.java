package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallLimiterTest {

    private final FakeTime time = new FakeTime();

    private CallLimiter limiter(int max, int rpm, int increaseAfter) {
        return new CallLimiter(max, rpm, increaseAfter, time::nanoTime, time);
    }

    @Test
    void should_keep_calls_in_flight_within_bound_when_many_threads_call() throws Exception {
        // given
        CallLimiter limiter = limiter(3, 0, 10);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> done = new ArrayList<>();

        // when
        for (int t = 0; t < 12; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    CallLimiter.Permit permit = limiter.acquire();
                    int now = inFlight.incrementAndGet();
                    maxSeen.accumulateAndGet(now, Math::max);
                    Thread.yield();
                    inFlight.decrementAndGet();
                    limiter.release(permit, CallLimiter.Outcome.SUCCESS);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then
        assertThat(maxSeen.get()).isBetween(1, 3);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void should_halve_bound_when_rate_limited_and_recover_after_successes() throws Exception {
        // given
        CallLimiter limiter = limiter(8, 0, 2);

        // when
        limiter.release(limiter.acquire(), CallLimiter.Outcome.RATE_LIMITED);
        int afterFirst = limiter.limit();
        limiter.release(limiter.acquire(), CallLimiter.Outcome.RATE_LIMITED);
        limiter.release(limiter.acquire(), CallLimiter.Outcome.RATE_LIMITED);
        limiter.release(limiter.acquire(), CallLimiter.Outcome.RATE_LIMITED);
        int floor = limiter.limit();
        for (int i = 0; i < 4; i++) {
            limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);
        }
        int recovered = limiter.limit();
        for (int i = 0; i < 40; i++) {
            limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);
        }

        // then
        assertThat(afterFirst).isEqualTo(4);
        assertThat(floor).isEqualTo(1);
        assertThat(recovered).isEqualTo(3);
        assertThat(limiter.limit()).isEqualTo(8);
    }

    @Test
    void should_halve_once_when_a_wave_of_calls_is_rate_limited() throws Exception {
        // given
        CallLimiter limiter = limiter(8, 0, 10);
        List<CallLimiter.Permit> wave = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            wave.add(limiter.acquire());
        }

        // when
        wave.forEach(permit -> limiter.release(permit, CallLimiter.Outcome.RATE_LIMITED));

        // then
        assertThat(limiter.limit()).isEqualTo(4);
    }

    @Test
    void should_not_change_bound_when_call_fails_otherwise() throws Exception {
        // given
        CallLimiter limiter = limiter(4, 0, 1);

        // when
        limiter.release(limiter.acquire(), CallLimiter.Outcome.FAILED);

        // then
        assertThat(limiter.limit()).isEqualTo(4);
    }

    @Test
    void should_space_starts_when_requests_per_minute_is_set() throws Exception {
        // given
        CallLimiter limiter = limiter(8, 60, 10);

        // when
        for (int i = 0; i < 3; i++) {
            limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);
        }

        // then
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void should_not_wait_when_clock_has_passed_next_slot() throws Exception {
        // given
        CallLimiter limiter = limiter(8, 120, 10);
        limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);

        // when
        time.advance(Duration.ofSeconds(5));
        limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);
        limiter.release(limiter.acquire(), CallLimiter.Outcome.SUCCESS);

        // then
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
    }
}
