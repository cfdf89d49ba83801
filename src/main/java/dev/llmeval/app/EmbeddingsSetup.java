package dev.llmeval.app;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.judge.CachingEmbeddingModel;
import dev.llmeval.judge.JudgeCache;
import dev.llmeval.judge.RunMeter;
import dev.llmeval.provider.ModelSettings;
import dev.llmeval.provider.Providers;
import java.util.List;
import java.util.Map;

/**
 * The embedding model of a run: the in-process MiniLM model (default, loaded on first use) or a
 * remote one, whose calls go through the judge cache and the meter.
 *
 * @param name how the report names it
 */
record EmbeddingsSetup(EmbeddingModel model, String name) {

    /** Embeddings for an estimate: no model is loaded, every vector is zero. */
    private static final class ZeroEmbeddings implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(new float[384])).toList());
        }
    }

    /**
     * The embeddings of a dry run: no model is loaded or called (no key needed); every vector is
     * zero, which is all the estimate needs.
     */
    static EmbeddingsSetup estimate(RunSettings settings) {
        ModelSettings embeddings = settings.embeddings();
        if (!embeddings.provider().equals("local") && settings.offline()) {
            throw new LlmevalException(ExitStatus.USAGE, "--embeddings " + embeddings.provider()
                    + " needs an LLM judge (--judge): the offline judge is measured with the in-process model only");
        }
        return new EmbeddingsSetup(new ZeroEmbeddings(), embeddings.provider().equals("local")
                ? Providers.LOCAL_EMBEDDINGS : Providers.describeEmbeddings(embeddings));
    }

    static EmbeddingsSetup create(RunSettings settings, JudgeCache cache, RunMeter meter, Map<String, String> env) {
        ModelSettings embeddings = settings.embeddings();
        if (embeddings.provider().equals("local")) {
            return new EmbeddingsSetup(new LazyEmbeddingModel(Providers::localEmbeddings), Providers.LOCAL_EMBEDDINGS);
        }
        if (settings.offline()) {
            throw new LlmevalException(ExitStatus.USAGE, "--embeddings " + embeddings.provider()
                    + " needs an LLM judge (--judge): the offline judge is measured with the in-process model only");
        }
        EmbeddingModel remote = Providers.embeddingModel(embeddings, env);
        String name = Providers.describeEmbeddings(embeddings);
        String modelName = embeddings.model() != null ? embeddings.model() : name;
        return new EmbeddingsSetup(new CachingEmbeddingModel(remote, cache, Providers.embeddingsNamespace(embeddings),
                modelName, meter), name);
    }
}
