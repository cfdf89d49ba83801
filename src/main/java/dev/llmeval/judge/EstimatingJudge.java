package dev.llmeval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.Map;

/**
 * The judge of {@code --dry-run}: renders each prompt exactly as the real judge would, counts one
 * call and estimates its tokens (about four characters a token), and answers with a placeholder
 * reply shaped by the step's schema ({@value #ITEMS} items per list, every number 1), so that
 * the metrics run their real steps without any network. The verdicts are placeholders: only the
 * calls and tokens it reports mean anything.
 */
public final class EstimatingJudge implements Judge {

    static final int ITEMS = 3;
    private static final int CHARS_PER_TOKEN = 4;
    private static final String WORDS = "placeholder words standing for a short judge reply";

    private final PromptLibrary prompts;
    private final String modelName;

    public EstimatingJudge(PromptLibrary prompts, String modelName) {
        this.prompts = prompts;
        this.modelName = modelName;
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec) {
        String prompt = prompts.render(promptId, variables);
        String reply = placeholder(spec.schema(), 0).toString();
        // the placeholder only has the schema's shape: the step's own check (verdicts per chunk...) does not apply
        OutputSpec<T> shape = new OutputSpec<>(spec.name(), spec.schema(), spec.type());
        return new Judged<>(JudgeParser.parse(reply, shape), 1, tokens(prompt), tokens(reply));
    }

    @Override
    public String modelName() {
        return modelName;
    }

    static long tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** A value that satisfies {@code schema}; {@code index} tells the items of a list apart. */
    static JsonNode placeholder(JsonSchemaElement schema, int index) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (schema instanceof JsonObjectSchema object) {
            ObjectNode node = json.objectNode();
            object.properties().forEach((name, property) -> node.set(name, placeholder(property, index)));
            return node;
        }
        if (schema instanceof JsonArraySchema array) {
            ArrayNode node = json.arrayNode();
            for (int i = 1; i <= ITEMS; i++) {
                node.add(placeholder(array.items(), i));
            }
            return node;
        }
        if (schema instanceof JsonIntegerSchema || schema instanceof JsonNumberSchema) {
            return json.numberNode(1);
        }
        if (schema instanceof JsonBooleanSchema) {
            return json.booleanNode(true);
        }
        if (schema instanceof JsonEnumSchema enumeration && !enumeration.enumValues().isEmpty()) {
            return json.textNode(enumeration.enumValues().get(enumeration.enumValues().size() - 1));
        }
        return json.textNode(WORDS + (index > 0 ? " " + index : ""));
    }
}
