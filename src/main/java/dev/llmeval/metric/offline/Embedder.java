package dev.llmeval.metric.offline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** Embeds all texts of one sample in a single {@code embedAll} call. */
final class Embedder {

    private final EmbeddingModel model;

    Embedder(EmbeddingModel model) {
        this.model = java.util.Objects.requireNonNull(model, "embedding model == null");
    }

    List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? " " : t));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        if (embeddings.size() != texts.size()) {
            throw new IllegalStateException(
                    "embedding model returned " + embeddings.size() + " vectors for " + texts.size());
        }
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(e.vector());
        }
        return out;
    }
}
