package dev.llmeval.metric;

import dev.llmeval.Plural;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.llmeval.judge.OutputSpec;
import java.util.List;
import java.util.Objects;

/**
 * The judge replies the LLM metrics read, as records, and their output specs. Schema names and
 * property names are part of the contract with the prompt files and with test servers.
 */
final class Replies {

    private Replies() {}

    /** {@code faithfulness/statements}. */
    record Statements(List<String> statements) {}

    /** {@code faithfulness/verdicts}. */
    record StatementVerdicts(List<StatementVerdict> verdicts) {}

    record StatementVerdict(String statement, String reason, Integer verdict) {
        StatementVerdict {
            verdict = binary("verdict", verdict);
        }
    }

    /** {@code answer_relevancy/questions}. */
    record Questions(List<Question> questions) {}

    record Question(String question, Integer noncommittal) {
        Question {
            noncommittal = binary("noncommittal", noncommittal);
        }
    }

    /** {@code context_precision/chunks}. */
    record ChunkVerdicts(List<ChunkVerdict> verdicts) {}

    /** {@code chunk} is 1-based; it may be missing when the judge kept the chunks' order. */
    record ChunkVerdict(Integer chunk, String reason, Integer useful) {
        ChunkVerdict {
            useful = binary("useful", useful);
        }
    }

    /** {@code context_precision/chunk}. */
    record SingleChunkVerdict(String reason, Integer useful) {
        SingleChunkVerdict {
            useful = binary("useful", useful);
        }
    }

    /** {@code context_recall/attribution}. */
    record Attributions(List<Attribution> sentences) {}

    record Attribution(String sentence, String reason, Integer attributed) {
        Attribution {
            attributed = binary("attributed", attributed);
        }
    }

    /** {@code context_entity_recall/entities}. */
    record Entities(List<String> entities) {}

    /** {@code context_relevance/sentences}: sentences copied from the context. */
    record ContextSentences(List<String> sentences) {}

    /** {@code noise_sensitivity/chunk-support}. */
    record StatementChunks(List<StatementChunk> statements) {}

    /** {@code statement} is the 1-based statement number; {@code chunks} the 1-based numbers of the supporting chunks. */
    record StatementChunk(Integer statement, String reason, List<Integer> chunks) {
        StatementChunk {
            if (statement == null) {
                throw new IllegalArgumentException("\"statement\" is missing");
            }
            chunks = chunks == null ? List.of() : chunks.stream().filter(Objects::nonNull).toList();
        }
    }

    static final OutputSpec<Statements> STATEMENTS = new OutputSpec<>(
            "statements",
            object().addProperty("statements", array(new JsonStringSchema()))
                    .required("statements").build(),
            Statements.class);

    static final OutputSpec<StatementVerdicts> STATEMENT_VERDICTS = new OutputSpec<>(
            "statement_verdicts",
            listOf("verdicts", object()
                    .addStringProperty("statement").addStringProperty("reason")
                    .addProperty("verdict", binarySchema())
                    .required("statement", "reason", "verdict").build()),
            StatementVerdicts.class);

    static final OutputSpec<Questions> QUESTIONS = new OutputSpec<>(
            "questions",
            listOf("questions", object()
                    .addStringProperty("question")
                    .addProperty("noncommittal", binarySchema())
                    .required("question", "noncommittal").build()),
            Questions.class);

    static final OutputSpec<ChunkVerdicts> CHUNK_VERDICTS = new OutputSpec<>(
            "chunk_verdicts",
            listOf("verdicts", object()
                    .addIntegerProperty("chunk", "1-based chunk number")
                    .addStringProperty("reason")
                    .addProperty("useful", binarySchema())
                    .required("chunk", "reason", "useful").build()),
            ChunkVerdicts.class);

    static final OutputSpec<SingleChunkVerdict> CHUNK_VERDICT = new OutputSpec<>(
            "chunk_verdict",
            object().addStringProperty("reason").addProperty("useful", binarySchema())
                    .required("reason", "useful").build(),
            SingleChunkVerdict.class);

    static final OutputSpec<Attributions> ATTRIBUTIONS = new OutputSpec<>(
            "attributions",
            listOf("sentences", object()
                    .addStringProperty("sentence").addStringProperty("reason")
                    .addProperty("attributed", binarySchema())
                    .required("sentence", "reason", "attributed").build()),
            Attributions.class);

    static final OutputSpec<Entities> ENTITIES = new OutputSpec<>(
            "entities",
            object().addProperty("entities", array(new JsonStringSchema()))
                    .required("entities").build(),
            Entities.class);

    static final OutputSpec<ContextSentences> CONTEXT_SENTENCES = new OutputSpec<>(
            "context_sentences",
            object().addProperty("sentences", array(new JsonStringSchema()))
                    .required("sentences").build(),
            ContextSentences.class);

    static final OutputSpec<StatementChunks> STATEMENT_CHUNKS = new OutputSpec<>(
            "statement_chunks",
            listOf("statements", object()
                    .addIntegerProperty("statement", "1-based statement number")
                    .addStringProperty("reason")
                    .addProperty("chunks", JsonArraySchema.builder()
                            .description("1-based numbers of the chunks that support the statement; empty if none")
                            .items(new JsonIntegerSchema()).build())
                    .required("statement", "reason", "chunks").build()),
            StatementChunks.class);

    /**
     * {@link #STATEMENT_VERDICTS} for {@code statements} numbered statements: a reply without any
     * verdict is not usable (the judge is asked again, then the step fails, and the reply is never
     * cached); with {@code exact}, nor is one with another number of verdicts.
     */
    static OutputSpec<StatementVerdicts> verdictsFor(int statements, boolean exact) {
        return STATEMENT_VERDICTS.requiring(reply -> {
            int given = reply.verdicts().size();
            if (given == 0) {
                return "the list \"verdicts\" is empty, but STATEMENTS lists " + statements
                        + ": give a verdict for each";
            }
            if (exact && given != statements) {
                return "the list \"verdicts\" has " + Plural.of(given, "verdict") + ", but STATEMENTS lists " + statements
                        + ": give exactly one verdict for each, in order";
            }
            return null;
        });
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

    private static JsonObjectSchema.Builder object() {
        return JsonObjectSchema.builder().additionalProperties(false);
    }

    private static JsonArraySchema array(JsonSchemaElement items) {
        return JsonArraySchema.builder().items(items).build();
    }

    private static JsonObjectSchema listOf(String property, JsonObjectSchema item) {
        return object().addProperty(property, array(item)).required(property).build();
    }

    private static JsonSchemaElement binarySchema() {
        return JsonIntegerSchema.builder().description("0 or 1").build();
    }
}
