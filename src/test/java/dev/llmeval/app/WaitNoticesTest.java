package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.judge.RetryWait;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WaitNoticesTest {

    private final StringWriter out = new StringWriter();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final WaitNotices notices = new WaitNotices(new PrintWriter(out, true), clock);

    @Test
    void should_print_one_line_for_a_long_retry_after_even_when_every_job_waits() {
        // given eight jobs told to wait two minutes at once
        for (int i = 0; i < 8; i++) {
            notices.accept(new RetryWait(Duration.ofSeconds(120), true, "HTTP 429"));
        }

        // then
        assertThat(out.toString().lines()).containsExactly("llmeval: the judge asked to wait 120 s (HTTP 429,"
                + " Retry-After); retrying at " + java.time.LocalTime.ofInstant(Instant.parse("2026-12-02T10:02:00Z"),
                        ZoneId.systemDefault()) + ", the run goes on then");
    }

    @Test
    void should_say_nothing_for_a_short_wait_and_again_for_a_later_long_one() {
        notices.accept(new RetryWait(Duration.ofSeconds(2), false, "HTTP 500"));
        notices.accept(new RetryWait(Duration.ofSeconds(20), false, "HTTP 503"));
        clock.now = clock.now.plusSeconds(30);
        notices.accept(new RetryWait(Duration.ofSeconds(20), false, "HTTP 503"));

        assertThat(out.toString().lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("llmeval: a judge call failed (HTTP 503); backing off 20 s"));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
