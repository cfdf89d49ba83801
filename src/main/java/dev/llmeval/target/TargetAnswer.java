package dev.llmeval.target;

import java.util.List;
import java.util.Objects;

/**
 * What the system under test answered.
 *
 * @param response the answer text ({@code response})
 * @param contexts the retrieved context texts, in rank order ({@code retrieved_contexts})
 * @param contextIds ids of the retrieved contexts, empty when the target gives none
 *     ({@code retrieved_context_ids})
 */
public record TargetAnswer(String response, List<String> contexts, List<String> contextIds) {

    public TargetAnswer {
        Objects.requireNonNull(response, "response == null");
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        contextIds = contextIds == null ? List.of() : List.copyOf(contextIds);
    }

    public TargetAnswer(String response, List<String> contexts) {
        this(response, contexts, List.of());
    }
}
