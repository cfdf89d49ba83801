package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    private static TargetResult ok(long millis) {
        return TargetResult.success("q" + millis, new TargetAnswer("a", List.of()), millis);
    }

    @Test
    void should_use_nearest_rank_percentiles_over_successful_calls() {
        List<TargetResult> results = new ArrayList<>();
        for (long millis = 1; millis <= 20; millis++) {
            results.add(ok(millis * 10));
        }
        results.add(TargetResult.failure("bad", "HTTP 500", 9_999));

        LatencyStats stats = LatencyStats.of(results);

        assertThat(stats).isEqualTo(new LatencyStats(100, 190, 200, 1));
    }

    @Test
    void should_give_the_single_value_when_there_is_one_call() {
        assertThat(LatencyStats.of(List.of(ok(42)))).isEqualTo(new LatencyStats(42, 42, 42, 0));
    }

    @Test
    void should_give_zeros_when_every_call_failed() {
        List<TargetResult> results = List.of(TargetResult.failure("a", "x", 5), TargetResult.failure("b", "y", 7));

        assertThat(LatencyStats.of(results)).isEqualTo(new LatencyStats(0, 0, 0, 2));
    }
}
