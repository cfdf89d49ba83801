package dev.llmeval.traces;

import java.util.List;
import java.util.Map;

/**
 * What a trace says about how the request went, for the always-include rules.
 *
 * @param error a span ended with an error status (OTLP status code 2, Langfuse level ERROR, a
 *     LangSmith run with an error)
 * @param scores feedback and online evaluation scores by name (Langfuse scores, LangSmith
 *     feedback averages, OTel {@code gen_ai.evaluation.result} events); the lowest when a name repeats
 * @param finishReasons the model's finish reasons, e.g. {@code stop}, {@code content_filter}
 */
public record Signals(boolean error, Map<String, Double> scores, List<String> finishReasons) {

    public static final Signals NONE = new Signals(false, Map.of(), List.of());

    public Signals {
        scores = Map.copyOf(scores);
        finishReasons = List.copyOf(finishReasons);
    }
}
