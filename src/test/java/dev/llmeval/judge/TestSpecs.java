package dev.llmeval.judge;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;

/** Reply records and specs shaped like the metrics' ones, for judge-package tests. */
final class TestSpecs {

    private TestSpecs() {}

    record Statements(List<String> statements) {}

    record Verdicts(List<Verdict> verdicts) {}

    record Verdict(String statement, String reason, Integer verdict) {
        Verdict {
            verdict = binary("verdict", verdict);
        }
    }

    record Questions(List<Question> questions) {}

    record Question(String question, Integer noncommittal) {
        Question {
            noncommittal = binary("noncommittal", noncommittal);
        }
    }

    record ChunkVerdict(String reason, Integer useful) {
        ChunkVerdict {
            useful = binary("useful", useful);
        }
    }

    static final OutputSpec<Statements> STATEMENTS = new OutputSpec<>(
            "statements",
            JsonObjectSchema.builder()
                    .addProperty("statements", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                    .required("statements").build(),
            Statements.class);

    static final OutputSpec<Verdicts> VERDICTS = new OutputSpec<>(
            "statement_verdicts", JsonObjectSchema.builder().addStringProperty("verdicts").build(), Verdicts.class);

    static final OutputSpec<Questions> QUESTIONS = new OutputSpec<>(
            "questions", JsonObjectSchema.builder().addStringProperty("questions").build(), Questions.class);

    static final OutputSpec<ChunkVerdict> CHUNK = new OutputSpec<>(
            "chunk_verdict", JsonObjectSchema.builder().addStringProperty("reason").build(), ChunkVerdict.class);

    /** The spec a fixture is read with, from its file-name prefix. */
    static OutputSpec<?> forFixture(String name) {
        String prefix = name.substring(0, name.indexOf('-'));
        return switch (prefix) {
            case "statements" -> STATEMENTS;
            case "verdicts" -> VERDICTS;
            case "questions" -> QUESTIONS;
            case "chunk" -> CHUNK;
            default -> throw new IllegalArgumentException("no spec for fixture " + name);
        };
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
