package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.llmeval.testing.FixedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbeddingModelTest {

    private static final String NS = "openai|text-embedding-3-small|http://127.0.0.1";

    @TempDir
    Path dir;

    private final RunMeter meter = new RunMeter();
    private final FixedEmbeddingModel delegate = new FixedEmbeddingModel()
            .vector("a", 1f, 0f)
            .vector("b", 0f, 1f)
            .vector("c", 0.5f, 0.5f);

    private CachingEmbeddingModel model(CacheMode mode) {
        return new CachingEmbeddingModel(delegate, new JudgeCache(dir, mode), NS, "text-embedding-3-small", meter);
    }

    private static List<TextSegment> segments(String... texts) {
        return List.of(texts).stream().map(TextSegment::from).toList();
    }

    private static List<float[]> vectors(List<Embedding> embeddings) {
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Test
    void should_send_only_misses_when_some_vectors_are_cached() {
        // given
        model(CacheMode.READ_WRITE).embedAll(segments("a"));

        // when
        List<Embedding> embedded = model(CacheMode.READ_WRITE).embedAll(segments("b", "a", "c", "b")).content();

        // then
        assertThat(vectors(embedded)).containsExactly(
                new float[] {0f, 1f}, new float[] {1f, 0f}, new float[] {0.5f, 0.5f}, new float[] {0f, 1f});
        assertThat(delegate.batches()).containsExactly(List.of("a"), List.of("b", "c"));
        RunMeter.Snapshot s = meter.snapshot();
        assertThat(s.embeddingCalls()).isEqualTo(2);
        assertThat(s.embeddingCacheHits()).isEqualTo(1);
        assertThat(s.embeddingCacheMisses()).isEqualTo(3);
        assertThat(s.judgeCalls()).isZero();
    }

    @Test
    void should_not_call_delegate_when_all_vectors_are_cached() {
        // given
        model(CacheMode.READ_WRITE).embedAll(segments("a", "b"));

        // when
        List<Embedding> embedded = model(CacheMode.ONLY).embedAll(segments("b", "a")).content();

        // then
        assertThat(vectors(embedded)).containsExactly(new float[] {0f, 1f}, new float[] {1f, 0f});
        assertThat(delegate.batches()).hasSize(1);
    }

    @Test
    void should_fail_without_calling_when_cache_only_misses() {
        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> model(CacheMode.ONLY).embedAll(segments("a")));

        // then
        assertThat(e).isInstanceOf(CacheOnlyMissException.class);
        assertThat(e.getMessage()).startsWith("not in the cache (--cache-only): embedding");
        assertThat(delegate.batches()).isEmpty();
    }

    @Test
    void should_always_call_delegate_when_cache_is_off() {
        // given
        model(CacheMode.OFF).embedAll(segments("a"));

        // when
        model(CacheMode.OFF).embedAll(segments("a"));

        // then
        assertThat(delegate.batches()).containsExactly(List.of("a"), List.of("a"));
        assertThat(meter.snapshot().embeddingCacheHits()).isZero();
    }
}
