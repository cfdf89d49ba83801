package dev.llmeval.judge;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run spent: judge calls, cache hits and misses, retries, failures and tokens, with
 * embeddings counted apart, and tokens per model for pricing. Thread-safe; read it with
 * {@link #snapshot()}.
 */
public final class RunMeter {

    /** Counts at one moment. Judge and embedding figures are kept apart. */
    public record Snapshot(
            long judgeCalls,
            long cacheHits,
            long cacheMisses,
            long retries,
            long failedCalls,
            long inputTokens,
            long outputTokens,
            long embeddingCalls,
            long embeddingTokens,
            long embeddingCacheHits,
            long embeddingCacheMisses,
            Map<String, ModelUsage> perModel) {}

    /** Real provider calls and tokens of one model (judge or embedding). */
    public record ModelUsage(long calls, long inputTokens, long outputTokens) {}

    private final LongAdder judgeCalls = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder inputTokens = new LongAdder();
    private final LongAdder outputTokens = new LongAdder();
    private final LongAdder embeddingCalls = new LongAdder();
    private final LongAdder embeddingTokens = new LongAdder();
    private final LongAdder embeddingCacheHits = new LongAdder();
    private final LongAdder embeddingCacheMisses = new LongAdder();
    private final Map<String, Counters> perModel = new ConcurrentHashMap<>();
    private final AtomicLong longestReply = new AtomicLong();

    /** One real judge call was sent to the provider (counted per attempt, retries included). */
    void judgeCall(String model) {
        judgeCalls.increment();
        counters(model).calls.increment();
    }

    /** Tokens reported for a successful judge call. */
    void judgeTokens(String model, long input, long output) {
        inputTokens.add(input);
        outputTokens.add(output);
        longestReply.accumulateAndGet(output, Math::max);
        Counters counters = counters(model);
        counters.input.add(input);
        counters.output.add(output);
    }

    /** The most output tokens a judge call has had so far in this run. */
    long longestReply() {
        return longestReply.get();
    }

    void cacheHit() {
        cacheHits.increment();
    }

    void cacheMiss() {
        cacheMisses.increment();
    }

    void retry() {
        retries.increment();
    }

    /** A judge call that failed for good, after any retries. */
    void failedCall() {
        failedCalls.increment();
    }

    /** One real embedding request (a batch) and the tokens it reported. */
    void embeddingCall(String model, long tokens) {
        embeddingCalls.increment();
        embeddingTokens.add(tokens);
        Counters counters = counters(model);
        counters.calls.increment();
        counters.input.add(tokens);
    }

    void embeddingCacheHits(long count) {
        embeddingCacheHits.add(count);
    }

    void embeddingCacheMisses(long count) {
        embeddingCacheMisses.add(count);
    }

    public Snapshot snapshot() {
        Map<String, ModelUsage> models = new TreeMap<>();
        perModel.forEach((name, c) -> models.put(name, new ModelUsage(c.calls.sum(), c.input.sum(), c.output.sum())));
        return new Snapshot(
                judgeCalls.sum(), cacheHits.sum(), cacheMisses.sum(), retries.sum(), failedCalls.sum(),
                inputTokens.sum(), outputTokens.sum(),
                embeddingCalls.sum(), embeddingTokens.sum(), embeddingCacheHits.sum(), embeddingCacheMisses.sum(),
                Collections.unmodifiableMap(models));
    }

    /** USD spent so far over the priced models; unpriced models add nothing. */
    public BigDecimal costUsd(PriceTable prices) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, Counters> entry : perModel.entrySet()) {
            Counters c = entry.getValue();
            total = total.add(prices.cost(entry.getKey(), c.input.sum(), c.output.sum()).orElse(BigDecimal.ZERO));
        }
        return total;
    }

    private Counters counters(String model) {
        return perModel.computeIfAbsent(Objects.requireNonNullElse(model, "unknown"), name -> new Counters());
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder input = new LongAdder();
        final LongAdder output = new LongAdder();
    }
}
