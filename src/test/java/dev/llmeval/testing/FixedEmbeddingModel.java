package dev.llmeval.testing;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link EmbeddingModel} for tests that returns fixed vectors from a map; an unknown text
 * fails, so a test notices what it forgot. Records each batch it embeds.
 */
public final class FixedEmbeddingModel implements EmbeddingModel {

    private final Map<String, float[]> vectors = new HashMap<>();
    private final List<List<String>> batches = new ArrayList<>();

    public FixedEmbeddingModel vector(String text, float... vector) {
        vectors.put(text, vector);
        return this;
    }

    /** Every {@code embedAll} batch, in order. */
    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    @Override
    public synchronized Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        batches.add(segments.stream().map(TextSegment::text).toList());
        List<Embedding> embeddings = new ArrayList<>();
        for (TextSegment segment : segments) {
            float[] vector = vectors.get(segment.text());
            if (vector == null) {
                throw new IllegalArgumentException("no vector scripted for: " + segment.text());
            }
            embeddings.add(Embedding.from(vector));
        }
        return Response.from(embeddings);
    }
}
