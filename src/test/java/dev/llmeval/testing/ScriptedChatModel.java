package dev.llmeval.testing;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link ChatModel} for tests: answers from a queue of scripted replies (or a function of the
 * request), can throw a scripted exception, and records every request. Overrides only
 * {@code doChat}, so LangChain4j's own {@code chat} plumbing still runs. Thread-safe.
 *
 * <pre>{@code
 * ScriptedChatModel model = new ScriptedChatModel()
 *         .reply("{\"statements\": [\"a\"]}", new TokenUsage(10, 2))
 *         .fail(new RateLimitException("slow down"));
 * }</pre>
 */
public final class ScriptedChatModel implements ChatModel {

    private sealed interface Step permits Reply, Failure {}

    private record Reply(String text, TokenUsage usage) implements Step {}

    private record Failure(RuntimeException exception) implements Step {}

    private final Deque<Step> script = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private Function<ChatRequest, String> fallback;
    private Set<Capability> capabilities = Set.of();
    private String modelName;

    /** Queues a reply. */
    public synchronized ScriptedChatModel reply(String text) {
        return reply(text, null);
    }

    /** Queues a reply with the token usage the provider would report. */
    public synchronized ScriptedChatModel reply(String text, TokenUsage usage) {
        script.add(new Reply(text, usage));
        return this;
    }

    /** Queues an exception thrown instead of a reply. */
    public synchronized ScriptedChatModel fail(RuntimeException exception) {
        script.add(new Failure(exception));
        return this;
    }

    /** Answers with this function once the queue is empty. */
    public synchronized ScriptedChatModel replyWith(Function<ChatRequest, String> function) {
        this.fallback = function;
        return this;
    }

    public synchronized ScriptedChatModel capabilities(Capability... capabilities) {
        this.capabilities = Set.of(capabilities);
        return this;
    }

    /** The model name reported in {@link #defaultRequestParameters()}. */
    public synchronized ScriptedChatModel modelName(String modelName) {
        this.modelName = modelName;
        return this;
    }

    /** Every request received, in order. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The text of the last user message of request {@code index}. */
    public synchronized String userText(int index) {
        List<ChatMessage> messages = requests.get(index).messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof UserMessage user) {
                return user.singleText();
            }
        }
        throw new IllegalStateException("request " + index + " has no user message");
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Step step = script.poll();
        if (step == null) {
            if (fallback == null) {
                throw new IllegalStateException("ScriptedChatModel: no reply scripted for request "
                        + requests.size());
            }
            step = new Reply(fallback.apply(request), null);
        }
        if (step instanceof Failure failure) {
            throw failure.exception();
        }
        Reply reply = (Reply) step;
        ChatResponse.Builder response = ChatResponse.builder().aiMessage(AiMessage.from(reply.text()));
        if (reply.usage() != null) {
            response.tokenUsage(reply.usage());
        }
        return response.build();
    }

    @Override
    public synchronized Set<Capability> supportedCapabilities() {
        return capabilities;
    }

    @Override
    public synchronized ChatRequestParameters defaultRequestParameters() {
        return modelName == null
                ? ChatModel.super.defaultRequestParameters()
                : DefaultChatRequestParameters.builder().modelName(modelName).build();
    }
}
