package dev.llmeval.metric;

import java.util.List;

/**
 * What a metric sees of one sample: the question, the answer under test, the retrieved contexts
 * in rank order and the reference answer. Absent fields are {@code null}; an empty context list
 * counts as present.
 */
public record EvaluatedSample(
        String id, String question, String answer, List<String> contexts, String reference) {

    public EvaluatedSample {
        contexts = contexts == null ? null : List.copyOf(contexts);
    }

    public boolean has(SampleField field) {
        return switch (field) {
            case QUESTION -> question != null && !question.isBlank();
            case ANSWER -> answer != null;
            case CONTEXTS -> contexts != null;
            case REFERENCE -> reference != null && !reference.isBlank();
        };
    }
}
