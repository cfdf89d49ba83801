package dev.llmeval.metric;

import java.util.ArrayList;
import java.util.List;

/** The part of a sample a criterion shows its judge: the fields it uses, labelled, in its order. */
final class CriterionInput {

    private CriterionInput() {}

    static String render(List<SampleField> uses, EvaluatedSample sample) {
        List<String> blocks = new ArrayList<>();
        for (SampleField field : uses) {
            blocks.add(switch (field) {
                case QUESTION -> "USER INPUT:\n" + text(sample.question());
                case ANSWER -> "RESPONSE:\n" + text(sample.answer());
                case CONTEXTS -> "RETRIEVED CONTEXTS:\n" + (sample.contexts().isEmpty() ? "(none retrieved)"
                        : Texts.bracketNumbered(sample.contexts()));
                case REFERENCE -> "REFERENCE ANSWER:\n" + text(sample.reference());
                default -> throw new IllegalArgumentException("a criterion cannot use " + field.columnName());
            });
        }
        return String.join("\n", blocks);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "(empty)" : value.strip();
    }
}
