package dev.llmeval.target;

import java.util.List;

/**
 * Latency summary of a target run, in milliseconds, over the successful calls (nearest-rank
 * percentiles; zeros when none succeeded), plus the number of failed calls.
 */
public record LatencyStats(long p50, long p95, long max, int errors) {

    public static LatencyStats of(List<TargetResult> results) {
        long[] millis = results.stream().filter(r -> !r.failed()).mapToLong(TargetResult::latencyMillis).sorted().toArray();
        int errors = (int) results.stream().filter(TargetResult::failed).count();
        if (millis.length == 0) {
            return new LatencyStats(0, 0, 0, errors);
        }
        return new LatencyStats(percentile(millis, 50), percentile(millis, 95), millis[millis.length - 1], errors);
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
