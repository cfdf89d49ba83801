package dev.llmeval.app;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.function.Supplier;

/** Loads the real embedding model on first use, so a run that needs none never pays for it. */
final class LazyEmbeddingModel implements EmbeddingModel {

    private final Supplier<EmbeddingModel> loader;
    private volatile EmbeddingModel model;

    LazyEmbeddingModel(Supplier<EmbeddingModel> loader) {
        this.loader = loader;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return model().embedAll(segments);
    }

    @Override
    public int dimension() {
        return model().dimension();
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = loader.get();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
