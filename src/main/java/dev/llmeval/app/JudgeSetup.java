package dev.llmeval.app;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.judge.ChatModelJudge;
import dev.llmeval.judge.JudgeSettings;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.metric.LlmMetrics;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.offline.OfflineMetrics;
import dev.llmeval.provider.Providers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge that scores a run and the metrics built on it.
 *
 * @param kind {@code offline} or {@code openai}
 * @param model the judge model's name ({@code null} for the offline judge)
 * @param method one line on how scores are produced, for the console and the report
 * @param baseUrl the OpenAI-compatible base URL, or null
 * @param guard the LLM judge's guard, or null for the offline judge
 */
record JudgeSetup(String kind, String model, String method, String baseUrl, List<Metric> metrics,
        Map<String, String> promptHashes, GuardedJudge guard) {

    static final String OFFLINE = "offline";
    static final String OPENAI = "openai";

    static JudgeSetup create(String kind, String model, String baseUrl, int timeoutSeconds, Path promptsDir,
            List<String> metricIds, Map<String, String> env, EmbeddingModel embeddings, RunControl control) {
        if (OFFLINE.equals(kind)) {
            return new JudgeSetup(OFFLINE, null, OfflineMetrics.method(), null,
                    OfflineMetrics.create(embeddings, metricIds), Map.of(), null);
        }
        if (!OPENAI.equals(kind)) {
            throw new LlmevalException(ExitStatus.USAGE,
                    "--judge: unknown judge '" + kind + "' (known: offline, openai)");
        }
        ChatModel chat = Providers.openAiChat(model, baseUrl, Duration.ofSeconds(timeoutSeconds), env);
        PromptLibrary prompts = promptsDir == null ? PromptLibrary.builtIn() : PromptLibrary.withOverrides(promptsDir);
        GuardedJudge guard = new GuardedJudge(new ChatModelJudge(chat, prompts, JudgeSettings.defaults()), control);
        Map<String, Metric> available = new HashMap<>();
        LlmMetrics.create(guard, embeddings, false).forEach(m -> available.put(m.id(), m));
        List<Metric> metrics = metricIds.stream().map(available::get).toList();
        Map<String, String> promptHashes = prompts.hashes(LlmMetrics.promptIds(metricIds));
        String modelName = guard.modelName();
        return new JudgeSetup(OPENAI, modelName, "LLM-as-judge: " + modelName + " with structured JSON verdicts",
                baseUrl, metrics, promptHashes, guard);
    }
}
