package dev.llmeval.metric;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.judge.Judge;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The LLM-judged metrics and the prompts they use. */
public final class LlmMetrics {

    /** Ids of the LLM-judged metrics, in report order. */
    public static final List<String> IDS = List.of(
            Faithfulness.ID, AnswerRelevancy.ID, ContextPrecision.PRECISION_ID,
            ContextPrecision.UTILIZATION_ID, ContextRecall.ID,
            ContextEntityRecall.ID, NoiseSensitivity.RELEVANT_ID, NoiseSensitivity.IRRELEVANT_ID,
            AnswerCorrectness.ID, FactualCorrectness.ID, ContextRelevance.ID);

    private LlmMetrics() {}

    /**
     * All LLM-judged metrics, in {@link #IDS} order.
     *
     * @param options each metric's {@code metric-options:}; a bad option throws {@link IllegalArgumentException}
     */
    public static List<Metric> create(Judge judge, EmbeddingModel embeddings, boolean perChunk,
            Function<String, MetricOptions> options) {
        // the others take no options: one set under metric-options is a mistake, not something to ignore
        IDS.stream().filter(id -> !id.equals(AnswerCorrectness.ID) && !id.equals(FactualCorrectness.ID))
                .forEach(id -> options.apply(id).allowOnly(Set.of()));
        return List.of(
                new Faithfulness(judge),
                new AnswerRelevancy(judge, embeddings, AnswerRelevancy.DEFAULT_QUESTION_COUNT),
                new ContextPrecision(judge, true, perChunk),
                new ContextPrecision(judge, false, perChunk),
                new ContextRecall(judge),
                new ContextEntityRecall(judge),
                new NoiseSensitivity(judge, true),
                new NoiseSensitivity(judge, false),
                AnswerCorrectness.of(judge, embeddings, options.apply(AnswerCorrectness.ID)),
                FactualCorrectness.of(judge, options.apply(FactualCorrectness.ID)),
                new ContextRelevance(judge));
    }

    /** The prompt ids the given metrics use with default options, without duplicates; unknown ids add none. */
    public static List<String> promptIds(Collection<String> metricIds, boolean perChunk) {
        return promptIds(metricIds, perChunk, MetricOptions::none);
    }

    /**
     * The prompt ids the given metrics use with their options (some options pick the prompt),
     * without duplicates; unknown ids add none.
     */
    public static List<String> promptIds(Collection<String> metricIds, boolean perChunk,
            Function<String, MetricOptions> options) {
        List<String> ids = new ArrayList<>();
        for (String metricId : metricIds) {
            for (String promptId : promptIdsOf(metricId, perChunk, options)) {
                if (!ids.contains(promptId)) {
                    ids.add(promptId);
                }
            }
        }
        return List.copyOf(ids);
    }

    /** As {@link #promptIds(Collection, boolean)} with one call for all chunks. */
    public static List<String> promptIds(Collection<String> metricIds) {
        return promptIds(metricIds, false);
    }

    private static List<String> promptIdsOf(String metricId, boolean perChunk,
            Function<String, MetricOptions> options) {
        return switch (metricId) {
            case Faithfulness.ID -> Faithfulness.promptIds();
            case AnswerRelevancy.ID -> AnswerRelevancy.promptIds();
            case ContextPrecision.PRECISION_ID, ContextPrecision.UTILIZATION_ID -> ContextPrecision.promptIds(perChunk);
            case ContextRecall.ID -> ContextRecall.promptIds();
            case ContextEntityRecall.ID -> ContextEntityRecall.promptIds();
            case NoiseSensitivity.RELEVANT_ID, NoiseSensitivity.IRRELEVANT_ID -> NoiseSensitivity.promptIds();
            case AnswerCorrectness.ID -> AnswerCorrectness.promptIds();
            case FactualCorrectness.ID -> FactualCorrectness.promptIds(options.apply(metricId));
            case ContextRelevance.ID -> ContextRelevance.promptIds();
            default -> List.of();
        };
    }
}
