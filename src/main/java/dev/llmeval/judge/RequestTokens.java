package dev.llmeval.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;

/**
 * The input tokens a provider counts for one chat request, as OpenAI's chat format makes them up:
 * for each message 3 tokens of framing, its role and its text; 3 tokens that open the reply; and
 * the response format's JSON schema, which the provider adds to the prompt (counted here as the
 * schema's name and compact JSON text).
 */
final class RequestTokens {

    static final int PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestTokens() {}

    static long input(ChatRequest request, TokenCounter counter) {
        long tokens = REPLY_PRIMING;
        for (ChatMessage message : request.messages()) {
            tokens += PER_MESSAGE + counter.count(role(message)) + counter.count(text(message));
        }
        ResponseFormat format = request.responseFormat();
        if (format != null && format.jsonSchema() != null) {
            tokens += counter.count(format.jsonSchema().name());
            tokens += counter.count(schemaJson(format));
        }
        return tokens;
    }

    private static String schemaJson(ResponseFormat format) {
        try {
            return JSON.writeValueAsString(JsonSchemaElementUtils.toMap(format.jsonSchema().rootElement()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a judge schema cannot be written as JSON", e);
        }
    }

    private static String role(ChatMessage message) {
        return switch (message.type()) {
            case SYSTEM -> "system";
            case AI -> "assistant";
            default -> "user";
        };
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : String.valueOf(user.contents());
        }
        if (message instanceof AiMessage ai) {
            return ai.text() == null ? "" : ai.text();
        }
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        return String.valueOf(message);
    }
}
