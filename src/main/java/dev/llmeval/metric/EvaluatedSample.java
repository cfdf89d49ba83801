package dev.llmeval.metric;

import java.util.List;

/**
 * What a metric sees of one sample: the question, the answer under test, the retrieved contexts
 * in rank order, the reference answer, the reference contexts and the ids of both context lists.
 * Absent fields are {@code null}; an empty list counts as present.
 */
public record EvaluatedSample(
        String id, String question, String answer, List<String> contexts, String reference,
        List<String> referenceContexts, List<String> retrievedContextIds, List<String> referenceContextIds) {

    public EvaluatedSample {
        contexts = copy(contexts);
        referenceContexts = copy(referenceContexts);
        retrievedContextIds = copy(retrievedContextIds);
        referenceContextIds = copy(referenceContextIds);
    }

    /** A sample with no reference contexts and no context ids. */
    public EvaluatedSample(String id, String question, String answer, List<String> contexts, String reference) {
        this(id, question, answer, contexts, reference, null, null, null);
    }

    public boolean has(SampleField field) {
        return switch (field) {
            case QUESTION -> question != null && !question.isBlank();
            case ANSWER -> answer != null;
            case CONTEXTS -> contexts != null;
            case REFERENCE -> reference != null && !reference.isBlank();
            case REFERENCE_CONTEXTS -> referenceContexts != null;
            case RETRIEVED_CONTEXT_IDS -> retrievedContextIds != null;
            case REFERENCE_CONTEXT_IDS -> referenceContextIds != null;
        };
    }

    /** This sample with another answer and retrieved contexts (as produced by a target). */
    public EvaluatedSample withAnswer(String newAnswer, List<String> newContexts) {
        return new EvaluatedSample(id, question, newAnswer, newContexts, reference, referenceContexts,
                retrievedContextIds, referenceContextIds);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
