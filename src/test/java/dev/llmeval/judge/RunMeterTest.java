package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunMeterTest {

    @Test
    void should_keep_judge_and_embedding_counts_apart() {
        // given
        RunMeter meter = new RunMeter();

        // when
        meter.judgeCall("gpt-4o-mini");
        meter.judgeCall("gpt-4o-mini");
        meter.judgeTokens("gpt-4o-mini", 1000, 200);
        meter.retry();
        meter.cacheHit();
        meter.cacheMiss();
        meter.failedCall();
        meter.embeddingCall("text-embedding-3-small", 50);
        meter.embeddingCacheHits(3);
        meter.embeddingCacheMisses(2);

        // then
        RunMeter.Snapshot s = meter.snapshot();
        assertThat(s.judgeCalls()).isEqualTo(2);
        assertThat(s.inputTokens()).isEqualTo(1000);
        assertThat(s.outputTokens()).isEqualTo(200);
        assertThat(s.retries()).isEqualTo(1);
        assertThat(s.cacheHits()).isEqualTo(1);
        assertThat(s.cacheMisses()).isEqualTo(1);
        assertThat(s.failedCalls()).isEqualTo(1);
        assertThat(s.embeddingCalls()).isEqualTo(1);
        assertThat(s.embeddingTokens()).isEqualTo(50);
        assertThat(s.embeddingCacheHits()).isEqualTo(3);
        assertThat(s.embeddingCacheMisses()).isEqualTo(2);
        assertThat(s.perModel()).containsOnlyKeys("gpt-4o-mini", "text-embedding-3-small");
        assertThat(s.perModel().get("gpt-4o-mini")).isEqualTo(new RunMeter.ModelUsage(2, 1000, 200));
        assertThat(s.perModel().get("text-embedding-3-small")).isEqualTo(new RunMeter.ModelUsage(1, 50, 0));
    }

    @Test
    void should_cost_priced_models_only_when_pricing_the_run() {
        // given
        RunMeter meter = new RunMeter();
        meter.judgeTokens("gpt-4o-mini", 1_000_000, 1_000_000);
        meter.judgeTokens("llama3.1:8b", 5_000_000, 5_000_000);
        meter.embeddingCall("text-embedding-3-small", 1_000_000);

        // when
        BigDecimal cost = meter.costUsd(PriceTable.defaults());

        // then
        assertThat(cost).isEqualByComparingTo("0.77");
    }

    @Test
    void should_count_every_increment_when_threads_record_concurrently() throws Exception {
        // given
        RunMeter meter = new RunMeter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();

        // when
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    meter.judgeCall("m");
                    meter.judgeTokens("m", 2, 1);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then
        assertThat(meter.snapshot().judgeCalls()).isEqualTo(8000);
        assertThat(meter.snapshot().perModel().get("m")).isEqualTo(new RunMeter.ModelUsage(8000, 16000, 8000));
    }
}
