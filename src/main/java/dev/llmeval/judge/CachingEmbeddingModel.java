package dev.llmeval.judge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EmbeddingModel} that keeps each text's vector in the {@link JudgeCache} and sends only
 * the texts it does not have to the delegate, in one batch. The key is the namespace (provider,
 * model, base URL) and the text. The reported token usage covers the real call only. Thread-safe
 * when the delegate is.
 */
public final class CachingEmbeddingModel implements EmbeddingModel {

    private final EmbeddingModel delegate;
    private final JudgeCache cache;
    private final String namespace;
    private final String modelName;
    private final RunMeter meter;

    /**
     * @param namespace provider + model + base URL, no secret
     * @param modelName the name the tokens are metered and priced under
     */
    public CachingEmbeddingModel(
            EmbeddingModel delegate, JudgeCache cache, String namespace, String modelName, RunMeter meter) {
        this.delegate = Objects.requireNonNull(delegate, "delegate == null");
        this.cache = Objects.requireNonNull(cache, "cache == null");
        this.namespace = Objects.requireNonNull(namespace, "namespace == null");
        this.modelName = Objects.requireNonNull(modelName, "modelName == null");
        this.meter = Objects.requireNonNull(meter, "meter == null");
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        Embedding[] out = new Embedding[segments.size()];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String text = segments.get(i).text();
            String key = JudgeCache.embeddingKey(namespace, text);
            Optional<float[]> hit = cache.mode() == CacheMode.OFF ? Optional.empty() : cache.vector(key);
            if (hit.isPresent()) {
                out[i] = Embedding.from(hit.get());
            } else {
                missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
                keys.put(text, key);
            }
        }
        if (cache.mode() != CacheMode.OFF) {
            meter.embeddingCacheHits(segments.size() - missing.values().stream().mapToLong(List::size).sum());
            meter.embeddingCacheMisses(missing.size());
        }
        if (missing.isEmpty()) {
            return Response.from(List.of(out));
        }
        if (cache.mode() == CacheMode.ONLY) {
            throw new CacheOnlyMissException(
                    "embedding of " + missing.size() + " text(s) for " + modelName, 0, 0, 0);
        }
        List<String> texts = List.copyOf(missing.keySet());
        Response<List<Embedding>> response = delegate.embedAll(texts.stream().map(TextSegment::from).toList());
        List<Embedding> embedded = response.content();
        if (embedded == null || embedded.size() != texts.size()) {
            throw new IllegalStateException("embedding model returned "
                    + (embedded == null ? "no" : embedded.size()) + " vectors for " + texts.size() + " texts");
        }
        TokenUsage usage = response.tokenUsage();
        long tokens = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        meter.embeddingCall(modelName, tokens);
        for (int j = 0; j < texts.size(); j++) {
            Embedding embedding = embedded.get(j);
            for (int i : missing.get(texts.get(j))) {
                out[i] = embedding;
            }
            cache.putVector(keys.get(texts.get(j)), embedding.vector());
        }
        return Response.from(List.of(out), usage);
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }
}
