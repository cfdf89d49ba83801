package dev.llmeval.metric.offline;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embeds the texts of one sample in a single {@code embedAll} call. The offline metrics of a
 * sample embed the same context sentences, so the vectors of the most recent texts are kept (a
 * bounded memo of a pure function: scores do not change, only the model is asked less).
 */
final class Embedder {

    static final int REMEMBERED = 8192;

    /** What a blank text is embedded as: the model takes no blank segment. */
    static final String BLANK = "(empty)";

    private final EmbeddingModel model;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    Embedder(EmbeddingModel model) {
        this.model = Objects.requireNonNull(model, "embedding model == null");
    }

    List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<String> keys = texts.stream().map(t -> t.isBlank() ? BLANK : t).toList();
        Map<String, float[]> known = new HashMap<>();
        synchronized (recent) {
            for (String key : keys) {
                float[] vector = recent.get(key);
                if (vector != null) {
                    known.put(key, vector);
                }
            }
        }
        List<String> missing = keys.stream().filter(k -> !known.containsKey(k)).distinct().toList();
        if (!missing.isEmpty()) {
            List<Embedding> embeddings = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            if (embeddings.size() != missing.size()) {
                throw new IllegalStateException(
                        "embedding model returned " + embeddings.size() + " vectors for " + missing.size());
            }
            synchronized (recent) {
                for (int i = 0; i < missing.size(); i++) {
                    known.put(missing.get(i), embeddings.get(i).vector());
                    recent.put(missing.get(i), embeddings.get(i).vector());
                }
            }
        }
        List<float[]> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            out.add(known.get(key));
        }
        return out;
    }
}
