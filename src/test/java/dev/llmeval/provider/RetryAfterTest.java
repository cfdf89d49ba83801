package dev.llmeval.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @Test
    void should_read_seconds_when_the_header_is_a_number() {
        assertThat(RetryAfter.parse(" 7 ", clock)).contains(Duration.ofSeconds(7));
    }

    @Test
    void should_measure_from_now_when_the_header_is_a_date() {
        assertThat(RetryAfter.parse("Fri, 02 Jan 2026 03:04:35 GMT", clock)).contains(Duration.ofSeconds(30));
    }

    @Test
    void should_give_zero_when_the_date_is_past() {
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void should_give_nothing_when_the_header_is_garbage() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-3", clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
    }
}
