package dev.llmeval.judge;

import dev.llmeval.Plural;
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
import dev.llmeval.Urls;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Judge} over a LangChain4j {@link ChatModel}: one user message with the rendered
 * prompt, structured output as the model allows, and a repair request when the reply cannot be
 * read or the step's check ({@link OutputSpec#requiring}) finds it unusable. Each call (the repair
 * request too) goes: cache lookup, budget reservation, limiter, the model with retries, metering.
 * The replies of a step are written to the cache only when the step ends in a parsed, usable
 * answer (a reply and the repair that corrected it together), so a rerun asks again exactly the
 * steps that failed. Thread-safe.
 */
public final class ChatModelJudge implements Judge {

    private static final int REPLY_PREVIEW = 120;

    private final ChatModel model;
    private final PromptLibrary prompts;
    private final JudgeSettings settings;
    private final JudgeRuntime runtime;

    /**
     * A judge without cache or budget that leaves transport retries to the model (LangChain4j's
     * {@code maxRetries}), as before the runtime existed.
     */
    public ChatModelJudge(ChatModel model, PromptLibrary prompts, JudgeSettings settings) {
        this(model, prompts, settings, JudgeRuntime.builder().retry(RetryPolicy.none()).build());
    }

    public ChatModelJudge(ChatModel model, PromptLibrary prompts, JudgeSettings settings, JudgeRuntime runtime) {
        this.model = Objects.requireNonNull(model, "model == null");
        this.prompts = Objects.requireNonNull(prompts, "prompts == null");
        this.settings = Objects.requireNonNull(settings, "settings == null");
        this.runtime = Objects.requireNonNull(runtime, "runtime == null");
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec) {
        return ask(promptId, variables, spec, settings.temperature());
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec,
            double temperature) {
        if (Double.isNaN(temperature) || temperature < 0.0 || temperature > 2.0) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(UserMessage.from(prompts.render(promptId, variables)));
        ResponseFormat format = responseFormat(spec);
        Cost cost = new Cost();
        String reply = call(promptId, messages, format, temperature, cost, spec);
        for (int repairs = 0; ; repairs++) {
            try {
                T value = usable(reply, spec);
                cost.pending.forEach(runtime.cache()::putReply);
                return new Judged<>(value, cost.calls, cost.inputTokens, cost.outputTokens);
            } catch (JudgeFormatException e) {
                String failed = e.unusable() ? "could not be used" : "could not be read";
                if (repairs >= settings.formatRetries()) {
                    throw new JudgeException(
                            "judge reply " + failed + " after " + Plural.of(repairs, "repair request") + ": "
                                    + e.getMessage() + "; reply began: " + preview(reply),
                            e, cost.calls, cost.inputTokens, cost.outputTokens);
                }
                messages.add(AiMessage.from(reply == null || reply.isEmpty() ? " " : reply));
                messages.add(UserMessage.from(repairRequest(failed, e.getMessage(), spec)));
                reply = call(promptId, messages, format, temperature, cost, spec);
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
        return responseFormat(settings.mode(), supportsSchema(), spec);
    }

    /** The response format of a step: a JSON schema, JSON mode or none, as the mode and the model allow. */
    static ResponseFormat responseFormat(OutputMode mode, boolean supportsSchema, OutputSpec<?> spec) {
        return switch (mode) {
            case TEXT -> null;
            case JSON -> ResponseFormat.JSON;
            case SCHEMA -> schemaFormat(spec);
            case AUTO -> supportsSchema ? schemaFormat(spec) : ResponseFormat.JSON;
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

    /** The request a judge step sends: its messages, the temperature and the response format (may be null). */
    static ChatRequest request(List<ChatMessage> messages, ResponseFormat format, double temperature) {
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(List.copyOf(messages))
                .temperature(temperature);
        if (format != null) {
            builder.responseFormat(format);
        }
        return builder.build();
    }

    private String call(String promptId, List<ChatMessage> messages, ResponseFormat format, double temperature,
            Cost cost, OutputSpec<?> spec) {
        ChatRequest request = request(messages, format, temperature);
        RunMeter meter = runtime.meter();
        JudgeCache cache = runtime.cache();
        String key = null;
        if (cache.mode() != CacheMode.OFF) {
            key = JudgeCache.chatKey(runtime.cacheNamespace(), request);
            // an entry of the old format may hold an unreadable or unusable reply: then it is a miss
            Optional<JudgeCache.Reply> hit = cache.reply(key).filter(r -> r.checked() || isUsable(r.text(), spec));
            if (hit.isPresent()) {
                meter.cacheHit();
                return hit.get().text();
            }
            meter.cacheMiss();
            if (cache.mode() == CacheMode.ONLY) {
                throw new CacheOnlyMissException(promptId, cost.calls, cost.inputTokens, cost.outputTokens);
            }
        }
        String pricedAs = pricingModel();
        ChatResponse response;
        try {
            response = runtime.retry().run(
                    () -> attempt(request, pricedAs, cost, spec), runtime.sleeper(), runtime.random(), (e, wait) -> {
                        meter.retry();
                        runtime.waits().accept(new RetryWait(wait, RetryPolicy.retryAfter(e).isPresent(),
                                RetryPolicy.cause(e)));
                    });
        } catch (JudgeException e) {
            throw e;
        } catch (RuntimeException e) {
            meter.failedCall();
            throw new JudgeException(
                    "judge call failed: " + e.getClass().getSimpleName() + ": " + Urls.mask(oneLine(e.getMessage())),
                    e, cost.calls, cost.inputTokens, cost.outputTokens, isFatal(e));
        }
        if (response == null) {
            return null;
        }
        long input = 0;
        long output = 0;
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            input = usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
            output = usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        }
        cost.inputTokens += input;
        cost.outputTokens += output;
        meter.judgeTokens(pricedAs, input, output);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (key != null && text != null) {
            cost.pending.put(key, new JudgeCache.Reply(text, input, output));
        }
        return text;
    }

    /** One real provider call: its cost reserved in the budget, a limiter slot, the model; then settled. */
    private ChatResponse attempt(ChatRequest request, String pricedAs, Cost cost, OutputSpec<?> spec) {
        Budget budget = runtime.budget();
        if (budget == null) {
            return send(request, pricedAs, cost);
        }
        Budget.Reservation reservation = budget.reserve(runtime.meter().costUsd(runtime.prices()),
                estimatedCost(request, pricedAs, spec), cost.calls, cost.inputTokens, cost.outputTokens);
        try {
            return send(request, pricedAs, cost);
        } finally {
            budget.settle(reservation);
        }
    }

    /**
     * What a call may cost: its input tokens as the model counts them (a fifth more when the
     * tokenizer is a stand-in), and as many output tokens as the longest reply of the run so far,
     * at least those of a reply shaped like the step's schema. 0 for a model without a price.
     */
    private BigDecimal estimatedCost(ChatRequest request, String pricedAs, OutputSpec<?> spec) {
        TokenCounter tokens = runtime.tokens();
        long input = RequestTokens.input(request, tokens);
        if (!tokens.exact()) {
            input += input / 5;
        }
        long output = Math.max(runtime.meter().longestReply(),
                tokens.count(EstimatingJudge.placeholder(spec.schema(), 0).toString()));
        return runtime.prices().cost(pricedAs, input, output).orElse(BigDecimal.ZERO);
    }

    private ChatResponse send(ChatRequest request, String pricedAs, Cost cost) {
        CallLimiter limiter = runtime.limiter();
        CallLimiter.Permit permit;
        try {
            permit = limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("judge call interrupted", e, cost.calls, cost.inputTokens, cost.outputTokens, true);
        }
        cost.calls++;
        runtime.meter().judgeCall(pricedAs);
        try {
            ChatResponse response = model.chat(request);
            limiter.release(permit, CallLimiter.Outcome.SUCCESS);
            return response;
        } catch (RuntimeException e) {
            limiter.release(permit,
                    RetryPolicy.isRateLimit(e) ? CallLimiter.Outcome.RATE_LIMITED : CallLimiter.Outcome.FAILED);
            throw e;
        }
    }

    private String pricingModel() {
        return runtime.pricingModel() != null ? runtime.pricingModel() : modelName();
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

    private static String repairRequest(String failed, String error, OutputSpec<?> spec) {
        return "Your reply " + failed + ": " + error + ".\n"
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

    /**
     * The reply read into the step's record and found usable by the step's check.
     *
     * @throws JudgeFormatException when it cannot be read, or ({@link JudgeFormatException#unusable()})
     *     when the check finds a problem with it
     */
    private static <T> T usable(String reply, OutputSpec<T> spec) {
        T value = JudgeParser.parse(reply, spec);
        String problem = spec.problem(value);
        if (problem != null) {
            throw new JudgeFormatException(problem, true);
        }
        return value;
    }

    private static boolean isUsable(String reply, OutputSpec<?> spec) {
        try {
            usable(reply, spec);
            return true;
        } catch (JudgeFormatException e) {
            return false;
        }
    }

    /**
     * What one ask has spent so far, and its replies by cache key, written to the cache once the
     * ask ends in a parsed answer; confined to the asking thread.
     */
    private static final class Cost {
        int calls;
        long inputTokens;
        long outputTokens;
        final Map<String, JudgeCache.Reply> pending = new java.util.LinkedHashMap<>();
    }
}
