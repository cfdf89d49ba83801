package dev.llmeval.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible server on 127.0.0.1 for integration tests: {@code /v1/chat/completions}
 * answers each judge step by the JSON schema name it is asked for, {@code /v1/embeddings}
 * returns deterministic vectors. Statuses can be scripted ahead of the replies.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHUNK = Pattern.compile("(?m)^\\s*\\[(\\d+)\\]");

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<JsonNode> chatRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> embeddingRequests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<JsonNode, String> replies = FakeOpenAiServer::defaultReply;
    private volatile Encoding tokenizer;
    private final AtomicLong servedInputTokens = new AtomicLong();
    private volatile java.util.function.Predicate<JsonNode> truncated = request -> false;
    private volatile int fixedStatus = 200;
    private final Deque<Long> delays = new ArrayDeque<>();
    private volatile String retryAfter = "0";
    private final long latencyMillis;
    private final ExecutorService executor;

    /** Answers at once, on as many handler threads as requests in flight. */
    public FakeOpenAiServer() throws IOException {
        this(0, 0);
    }

    /**
     * A server that waits {@code latencyMillis} before answering each request (as a remote judge
     * would), on {@code threads} handler threads so waits overlap; {@code threads == 0} gives a
     * handler thread to every request in flight. {@code new FakeOpenAiServer(0, 0)} is the default server.
     */
    public FakeOpenAiServer(long latencyMillis, int threads) throws IOException {
        if (latencyMillis < 0 || threads < 0) {
            throw new IllegalArgumentException("latencyMillis and threads must be >= 0");
        }
        this.latencyMillis = latencyMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/embeddings", this::embeddings);
        java.util.concurrent.ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "fake-openai-handler");
            t.setDaemon(true);
            return t;
        };
        executor = threads > 0 ? Executors.newFixedThreadPool(threads, daemons) : Executors.newCachedThreadPool(daemons);
        server.setExecutor(executor);
        server.start();
    }

    /** The response latency of every request, in milliseconds (0 by default). */
    public long latencyMillis() {
        return latencyMillis;
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** e.g. {@code http://127.0.0.1:41234/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next requests get these statuses (with an error body), in order, before normal replies. */
    public synchronized FakeOpenAiServer failNext(int... codes) {
        for (int code : codes) {
            statuses.add(code);
        }
        return this;
    }

    /** The next chat requests are answered only after these delays (milliseconds), in order. */
    public synchronized FakeOpenAiServer delayNext(long... millis) {
        for (long m : millis) {
            delays.add(m);
        }
        return this;
    }

    /** The Retry-After header sent with a scripted 429 (seconds). */
    public FakeOpenAiServer retryAfter(String seconds) {
        this.retryAfter = seconds;
        return this;
    }

    /** Every request gets this status from now on. */
    public FakeOpenAiServer failAlways(int code) {
        fixedStatus = code;
        return this;
    }

    /**
     * From now on the usage of each chat reply counts the request's real tokens with o200k_base
     * (gpt-4o's tokenizer), the way OpenAI makes up {@code prompt_tokens}: per message 3 tokens of
     * framing, the role and the content; 3 tokens that open the reply; and the response format's
     * JSON schema (its name and its JSON text as sent). {@code completion_tokens} counts the reply.
     * Without it every reply reports 120 and 30 tokens.
     */
    public FakeOpenAiServer countingTokens() {
        tokenizer = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        return this;
    }

    /** The prompt tokens of every chat request answered so far, as {@link #countingTokens()} counts them. */
    public long servedInputTokens() {
        return servedInputTokens.get();
    }

    private long promptTokens(JsonNode request) {
        long tokens = 3;
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            tokens += 3 + tokenizer.countTokensOrdinary(message.path("role").asText())
                    + tokenizer.countTokensOrdinary(content.isTextual() ? content.asText() : content.toString());
        }
        JsonNode schema = request.path("response_format").path("json_schema");
        if (!schema.isMissingNode()) {
            tokens += tokenizer.countTokensOrdinary(schema.path("name").asText())
                    + tokenizer.countTokensOrdinary(schema.path("schema").toString());
        }
        return tokens;
    }

    /** Replaces the assistant text chosen for each chat request (given the request body). */
    public FakeOpenAiServer replyWith(Function<JsonNode, String> replies) {
        this.replies = replies;
        return this;
    }

    /**
     * The replies to the chat requests that {@code which} accepts are cut in the middle, with
     * {@code finish_reason: length}, as when a model runs out of output tokens.
     */
    public FakeOpenAiServer truncate(java.util.function.Predicate<JsonNode> which) {
        this.truncated = which;
        return this;
    }

    public List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    public List<JsonNode> embeddingRequests() {
        return List.copyOf(embeddingRequests);
    }

    /** The schema name the request asked for, or "" when it asked for none. */
    public static String schemaName(JsonNode request) {
        return request.path("response_format").path("json_schema").path("name").asText("");
    }

    /** The text of the last user message of a chat request. */
    public static String prompt(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                JsonNode content = messages.get(i).path("content");
                return content.isTextual() ? content.asText() : content.toString();
            }
        }
        return "";
    }

    /**
     * Canned verdicts: two statements, the first supported; three generated questions, none
     * noncommittal; the first chunk useful and the others not; two reference sentences, the first
     * attributed.
     */
    public static String defaultReply(JsonNode request) {
        String prompt = prompt(request);
        return switch (schemaName(request)) {
            case "statements" -> "{\"statements\": [\"Statement one.\", \"Statement two.\"]}";
            case "statement_verdicts" -> "{\"verdicts\": ["
                    + "{\"statement\": \"Statement one.\", \"reason\": \"stated in the context\", \"verdict\": 1},"
                    + "{\"statement\": \"Statement two.\", \"reason\": \"not in the context\", \"verdict\": 0}]}";
            case "questions" -> "{\"questions\": ["
                    + "{\"question\": \"How do I reset my password?\", \"noncommittal\": 0},"
                    + "{\"question\": \"How can a password be reset?\", \"noncommittal\": 0},"
                    + "{\"question\": \"What are the steps to reset a password?\", \"noncommittal\": 0}]}";
            case "chunk_verdicts" -> chunkVerdicts(prompt);
            case "chunk_verdict" -> "{\"reason\": \"helps\", \"useful\": 1}";
            case "attributions" -> "{\"sentences\": ["
                    + "{\"sentence\": \"First.\", \"reason\": \"in context\", \"attributed\": 1},"
                    + "{\"sentence\": \"Second.\", \"reason\": \"missing\", \"attributed\": 0}]}";
            default -> "{}";
        };
    }

    private static String chunkVerdicts(String prompt) {
        Matcher m = CHUNK.matcher(prompt);
        int chunks = 0;
        while (m.find()) {
            chunks = Math.max(chunks, Integer.parseInt(m.group(1)));
        }
        StringBuilder sb = new StringBuilder("{\"verdicts\": [");
        for (int i = 1; i <= chunks; i++) {
            sb.append(i > 1 ? "," : "").append("{\"chunk\": ").append(i)
                    .append(", \"reason\": \"r\", \"useful\": ").append(i == 1 ? 1 : 0).append('}');
        }
        return sb.append("]}").toString();
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        chatRequests.add(request);
        pause();
        Long delay;
        synchronized (this) {
            delay = delays.poll();
        }
        if (delay != null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed(exchange)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + chatRequests.size());
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000L);
        body.put("model", request.path("model").asText("fake-judge"));
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        String reply = replies.apply(request);
        boolean cut = truncated.test(request);
        String content = cut ? reply.substring(0, reply.length() / 2) : reply;
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", cut ? "length" : "stop");
        Encoding counting = tokenizer;
        long prompt = counting == null ? 120 : promptTokens(request);
        long completion = counting == null ? 30 : counting.countTokensOrdinary(content);
        servedInputTokens.addAndGet(prompt);
        body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        send(exchange, 200, body);
    }

    private void embeddings(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        embeddingRequests.add(request);
        pause();
        if (failed(exchange)) {
            return;
        }
        JsonNode input = request.path("input");
        List<String> texts = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(t -> texts.add(t.asText()));
        } else {
            texts.add(input.asText());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("object", "list");
        body.put("model", request.path("model").asText("fake-embeddings"));
        ArrayNode data = body.putArray("data");
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float v : vector(texts.get(i))) {
                vector.add(v);
            }
        }
        body.putObject("usage").put("prompt_tokens", 8 * texts.size()).put("total_tokens", 8 * texts.size());
        send(exchange, 200, body);
    }

    /** A bag-of-letters vector: texts with the same letters point the same way. */
    static float[] vector(String text) {
        float[] v = new float[26];
        for (char c : text.toLowerCase().toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                v[c - 'a']++;
            }
        }
        return v;
    }

    private boolean failed(HttpExchange exchange) throws IOException {
        Integer status;
        synchronized (this) {
            status = statuses.poll();
        }
        if (status == null && fixedStatus != 200) {
            status = fixedStatus;
        }
        if (status == null) {
            return false;
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", "scripted failure " + status)
                .put("type", status == 401 ? "invalid_request_error" : "server_error")
                .put("code", status == 401 ? "invalid_api_key" : "scripted");
        if (status == 429) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        send(exchange, status, body);
        return true;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
