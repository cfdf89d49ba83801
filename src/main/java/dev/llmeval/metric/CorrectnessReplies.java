package dev.llmeval.metric;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.llmeval.judge.OutputSpec;
import java.util.List;

/**
 * The judge replies of {@code answer_correctness} and {@code factual_correctness} that
 * {@link Replies} does not already define. Schema and property names are part of the contract
 * with the prompt files.
 */
final class CorrectnessReplies {

    private CorrectnessReplies() {}

    /** {@code answer_correctness/classify}: one verdict per response and per reference statement. */
    record Classification(List<AnswerStatement> answer, List<ReferenceStatement> reference) {}

    /** A response statement: {@code supported} 1 makes it a true positive, 0 a false positive. */
    record AnswerStatement(String statement, String reason, Integer supported) {
        AnswerStatement {
            supported = binary("supported", supported);
        }
    }

    /** A reference statement: {@code covered} 0 makes it a false negative. */
    record ReferenceStatement(String statement, String reason, Integer covered) {
        ReferenceStatement {
            covered = binary("covered", covered);
        }
    }

    /** {@code factual_correctness/claims-*}. */
    record Claims(List<String> claims) {}

    static final OutputSpec<Classification> CLASSIFICATION = new OutputSpec<>(
            "statement_classes",
            JsonObjectSchema.builder().additionalProperties(false)
                    .addProperty("answer", listOf(item("supported")))
                    .addProperty("reference", listOf(item("covered")))
                    .required("answer", "reference").build(),
            Classification.class);

    static final OutputSpec<Claims> CLAIMS = new OutputSpec<>(
            "claims",
            JsonObjectSchema.builder().additionalProperties(false)
                    .addProperty("claims", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                    .required("claims").build(),
            Claims.class);

    private static JsonObjectSchema item(String verdict) {
        return JsonObjectSchema.builder().additionalProperties(false)
                .addStringProperty("statement").addStringProperty("reason")
                .addProperty(verdict, JsonIntegerSchema.builder().description("0 or 1").build())
                .required("statement", "reason", verdict).build();
    }

    private static JsonArraySchema listOf(JsonObjectSchema item) {
        return JsonArraySchema.builder().items(item).build();
    }

    private static Integer binary(String name, Integer value) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("\"" + name + "\" must be 0 or 1, got " + value);
        }
        return value;
    }
}
