package dev.llmeval.judge;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Judge} over a LangChain4j {@link ChatModel}: one user message with the rendered
 * prompt, structured output as the model allows, and a repair request when the reply cannot be
 * read. Transport retries are the model's own business. Thread-safe.
 */
public final class ChatModelJudge implements Judge {

    private static final int REPLY_PREVIEW = 120;

    private final ChatModel model;
    private final PromptLibrary prompts;
    private final JudgeSettings settings;

    public ChatModelJudge(ChatModel model, PromptLibrary prompts, JudgeSettings settings) {
        this.model = Objects.requireNonNull(model, "model == null");
        this.prompts = Objects.requireNonNull(prompts, "prompts == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(UserMessage.from(prompts.render(promptId, variables)));
        ResponseFormat format = responseFormat(spec);
        Cost cost = new Cost();
        String reply = call(messages, format, cost);
        for (int repairs = 0; ; repairs++) {
            try {
                T value = JudgeParser.parse(reply, spec);
                return new Judged<>(value, cost.calls, cost.inputTokens, cost.outputTokens);
            } catch (JudgeFormatException e) {
                if (repairs >= settings.formatRetries()) {
                    throw new JudgeException(
                            "judge reply could not be read after " + repairs + " repair request(s): "
                                    + e.getMessage() + "; reply began: " + preview(reply),
                            e, cost.calls, cost.inputTokens, cost.outputTokens);
                }
                messages.add(AiMessage.from(reply == null || reply.isEmpty() ? " " : reply));
                messages.add(UserMessage.from(repairRequest(e.getMessage(), spec)));
                reply = call(messages, format, cost);
            }
        }
    }

    @Override
    public String modelName() {
        try {
            ChatRequestParameters defaults = model.defaultRequestParameters();
            if (defaults != null && defaults.modelName() != null && !defaults.modelName().isBlank()) {
                return defaults.modelName();
            }
        } catch (RuntimeException e) {
            // a model without default parameters: fall through
        }
        return "unknown";
    }

    ResponseFormat responseFormat(OutputSpec<?> spec) {
        return switch (settings.mode()) {
            case TEXT -> null;
            case JSON -> ResponseFormat.JSON;
            case SCHEMA -> schemaFormat(spec);
            case AUTO -> supportsSchema() ? schemaFormat(spec) : ResponseFormat.JSON;
        };
    }

    private boolean supportsSchema() {
        var capabilities = model.supportedCapabilities();
        return capabilities != null && capabilities.contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    private static ResponseFormat schemaFormat(OutputSpec<?> spec) {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(spec.name()).rootElement(spec.schema()).build())
                .build();
    }

    private String call(List<ChatMessage> messages, ResponseFormat format, Cost cost) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .temperature(settings.temperature());
        if (format != null) {
            request.responseFormat(format);
        }
        cost.calls++;
        ChatResponse response;
        try {
            response = model.chat(request.build());
        } catch (RuntimeException e) {
            throw new JudgeException(
                    "judge call failed: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()),
                    e, cost.calls, cost.inputTokens, cost.outputTokens, isFatal(e));
        }
        if (response == null) {
            return null;
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            cost.inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            cost.outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
        return response.aiMessage() == null ? null : response.aiMessage().text();
    }

    /**
     * A rejected key, an unknown model or an unresolvable server: no later call can succeed, so
     * the run stops. An invalid request (a sample too long for the model, filtered content) is
     * about one sample and only fails that sample.
     */
    static boolean isFatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException
                    || t instanceof ModelNotFoundException
                    || t instanceof UnresolvedModelServerException) {
                return true;
            }
        }
        return false;
    }

    private static String repairRequest(String error, OutputSpec<?> spec) {
        return "Your reply could not be read: " + error + ".\n"
                + "Reply again with only the corrected JSON object (schema \"" + spec.name()
                + "\" as described above): no explanation, no code fence.";
    }

    private static String preview(String reply) {
        if (reply == null) {
            return "(no text)";
        }
        String line = oneLine(reply).strip();
        return line.length() <= REPLY_PREVIEW ? line : line.substring(0, REPLY_PREVIEW) + "...";
    }

    private static String oneLine(String text) {
        return text == null ? "(no message)" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** What one ask has spent so far; confined to the asking thread. */
    private static final class Cost {
        int calls;
        long inputTokens;
        long outputTokens;
    }
}
