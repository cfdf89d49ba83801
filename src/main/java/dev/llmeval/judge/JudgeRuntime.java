package dev.llmeval.judge;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What surrounds each judge call: retries, the call limiter, the disk cache, the meter and the
 * cost budget. Build one per run with {@link #builder()} and share it between the judge and the
 * embedding cache; every part is thread-safe.
 *
 * @param retry how failed calls are retried
 * @param limiter bounds and spaces the calls in flight
 * @param cache the disk cache and its mode
 * @param cacheNamespace provider + model + base URL: what the cache key is scoped to (no secret)
 * @param meter counts calls, hits, retries and tokens
 * @param prices model prices, for the budget
 * @param budget the {@code --max-cost} budget, shared by every call of the run; null for none
 * @param pricingModel the model name the judge's tokens are priced and metered under
 * @param sleeper waits between retries
 * @param random jitter for the backoff
 * @param tokens counts a request's tokens as the judge model does, to reserve its cost in the budget
 * @param waits told of each wait before a retry (the run prints the long ones)
 */
public record JudgeRuntime(
        RetryPolicy retry,
        CallLimiter limiter,
        JudgeCache cache,
        String cacheNamespace,
        RunMeter meter,
        PriceTable prices,
        Budget budget,
        String pricingModel,
        Sleeper sleeper,
        RandomGenerator random,
        TokenCounter tokens,
        Consumer<RetryWait> waits) {

    public JudgeRuntime {
        Objects.requireNonNull(retry, "retry == null");
        Objects.requireNonNull(limiter, "limiter == null");
        Objects.requireNonNull(cache, "cache == null");
        Objects.requireNonNull(cacheNamespace, "cacheNamespace == null");
        Objects.requireNonNull(meter, "meter == null");
        Objects.requireNonNull(prices, "prices == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        Objects.requireNonNull(random, "random == null");
        Objects.requireNonNull(tokens, "tokens == null");
        Objects.requireNonNull(waits, "waits == null");
    }

    /** Default retries, 8 calls in flight, no cache, no budget, a fresh meter. */
    public static JudgeRuntime defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults as in {@link #defaults()}; each setter replaces one part. */
    public static final class Builder {
        private RetryPolicy retry = RetryPolicy.defaults();
        private CallLimiter limiter;
        private JudgeCache cache = JudgeCache.off();
        private String cacheNamespace = "";
        private RunMeter meter;
        private PriceTable prices = PriceTable.defaults();
        private BigDecimal maxCostUsd;
        private String pricingModel;
        private Sleeper sleeper = Sleeper.system();
        private RandomGenerator random;
        private TokenCounter tokens = TokenCounter.approximate();
        private Consumer<RetryWait> waits = wait -> { };

        private Builder() {}

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        public Builder limiter(CallLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        public Builder cache(JudgeCache cache, String namespace) {
            this.cache = cache;
            this.cacheNamespace = namespace;
            return this;
        }

        public Builder meter(RunMeter meter) {
            this.meter = meter;
            return this;
        }

        public Builder prices(PriceTable prices) {
            this.prices = prices;
            return this;
        }

        /** The budget in USD; null for none. */
        public Builder maxCostUsd(BigDecimal maxCostUsd) {
            this.maxCostUsd = maxCostUsd;
            return this;
        }

        /** The name tokens are priced under; defaults to the model's own name. */
        public Builder pricingModel(String pricingModel) {
            this.pricingModel = pricingModel;
            return this;
        }

        /** The sleeper for retries (a limiter has its own, given to its constructor). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** How request tokens are counted for the budget's reservations (default: about 4 characters a token). */
        public Builder tokens(TokenCounter tokens) {
            this.tokens = tokens;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Told of each wait before a retry; nothing by default. */
        public Builder waits(Consumer<RetryWait> waits) {
            this.waits = waits;
            return this;
        }

        public JudgeRuntime build() {
            return new JudgeRuntime(
                    retry,
                    limiter == null ? CallLimiter.defaults() : limiter,
                    cache,
                    cacheNamespace,
                    meter == null ? new RunMeter() : meter,
                    prices,
                    maxCostUsd == null ? null : new Budget(maxCostUsd),
                    pricingModel,
                    sleeper,
                    random == null ? new Random() : random,
                    tokens,
                    waits);
        }
    }
}
