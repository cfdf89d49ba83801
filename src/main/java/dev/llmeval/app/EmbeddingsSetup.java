package dev.llmeval.app;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.provider.Providers;
import java.time.Duration;
import java.util.Map;

/**
 * The embedding model of a run: the in-process MiniLM model (default, loaded on first use) or an
 * OpenAI-compatible one at the judge's base URL.
 *
 * @param name how the report names it
 */
record EmbeddingsSetup(EmbeddingModel model, String name) {

    static EmbeddingsSetup create(String kind, String model, String judgeKind, String baseUrl, int timeoutSeconds,
            Map<String, String> env) {
        if (kind == null || kind.equals("local")) {
            return new EmbeddingsSetup(new LazyEmbeddingModel(Providers::localEmbeddings), Providers.LOCAL_EMBEDDINGS);
        }
        if (!kind.equals("openai")) {
            throw new LlmevalException(ExitStatus.USAGE, "--embeddings: unknown embeddings '" + kind
                    + "' (known: local, openai)");
        }
        if (!JudgeSetup.OPENAI.equals(judgeKind)) {
            throw new LlmevalException(ExitStatus.USAGE, "--embeddings openai needs --judge openai: "
                    + "the offline judge is measured with the in-process model only");
        }
        String name = model == null ? Providers.DEFAULT_OPENAI_EMBEDDING_MODEL : model;
        return new EmbeddingsSetup(Providers.openAiEmbeddings(name, baseUrl, Duration.ofSeconds(timeoutSeconds), env),
                "openai: " + name);
    }
}
