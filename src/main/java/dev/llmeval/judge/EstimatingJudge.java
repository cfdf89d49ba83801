package dev.llmeval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import java.util.List;
import java.util.Map;

/**
 * The judge of {@code --dry-run}: builds each step's request exactly as the real judge would (the
 * rendered prompt, the response format and its schema), counts one call and the request's input
 * tokens as the provider counts them ({@link RequestTokens}, with the model's tokenizer where it
 * is known), and answers with a placeholder reply shaped by the step's schema ({@value #ITEMS}
 * items per list, every number 1), so that the metrics run their real steps without any network.
 * The verdicts are placeholders: only the calls and tokens it reports mean anything.
 */
public final class EstimatingJudge implements Judge {

    static final int ITEMS = 3;
    private static final String WORDS = "placeholder words standing for a short judge reply";

    private final PromptLibrary prompts;
    private final String modelName;
    private final TokenCounter tokens;
    private final OutputMode mode;

    /** An estimate with about four characters a token, for a model that takes a JSON schema. */
    public EstimatingJudge(PromptLibrary prompts, String modelName) {
        this(prompts, modelName, TokenCounter.approximate(), OutputMode.SCHEMA);
    }

    /**
     * @param tokens counts tokens as the judge model does
     * @param mode how the real judge asks for JSON; AUTO is taken as a model that takes a schema
     */
    public EstimatingJudge(PromptLibrary prompts, String modelName, TokenCounter tokens, OutputMode mode) {
        this.prompts = prompts;
        this.modelName = modelName;
        this.tokens = tokens;
        this.mode = mode;
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec) {
        String prompt = prompts.render(promptId, variables);
        ChatRequest request = ChatModelJudge.request(List.of(UserMessage.from(prompt)),
                ChatModelJudge.responseFormat(mode, true, spec), 0.0);
        String reply = placeholder(spec.schema(), 0).toString();
        // read by the schema alone: the step's usability check is applied by the real judge only, and a
        // placeholder (3 verdicts for any number of chunks...) is not meant to pass it
        return new Judged<>(JudgeParser.parse(reply, spec), 1, RequestTokens.input(request, tokens),
                tokens.count(reply));
    }

    @Override
    public String modelName() {
        return modelName;
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
