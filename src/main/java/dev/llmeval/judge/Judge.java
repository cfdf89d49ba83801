package dev.llmeval.judge;

import java.util.Map;

/**
 * Asks an LLM one judge step: renders the step's prompt, requests structured output, parses the
 * reply, and sends one repair request when the reply cannot be parsed. Thread-safe.
 */
public interface Judge {

    /**
     * @param promptId the prompt resource id, {@code <metric-id>/<step>}, e.g.
     *     {@code faithfulness/statements}
     * @param variables values for the prompt's {@code {{name}}} placeholders
     * @param spec the expected reply shape
     * @throws JudgeException when no usable reply could be had
     */
    <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec);

    /**
     * As {@link #ask(String, Map, OutputSpec)}, sampled at {@code temperature} instead of the
     * judge's own, e.g. for independent votes on one question. A judge that sends no requests
     * (the dry-run estimate) may ignore it.
     */
    default <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec,
            double temperature) {
        return ask(promptId, variables, spec);
    }

    /** The model's name as the provider reports it, for the report. */
    String modelName();
}
