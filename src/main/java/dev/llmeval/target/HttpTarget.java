package dev.llmeval.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.Urls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

/**
 * Calls a RAG system over HTTP: renders the URL and body templates from the question, sends the
 * configured headers, retries HTTP 5xx and 429 with exponential backoff (honouring
 * {@code Retry-After} seconds) and picks the answer, contexts and context ids out of the JSON
 * response by JSON Pointer. Thread-safe; at most {@code settings.concurrency()} calls are in flight.
 */
public final class HttpTarget implements RagTarget {

    /** How the target waits between retries; replaced in tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final int MAX_QUOTE = 200;

    private final HttpTargetSettings settings;
    private final Map<String, String> headers;
    private final Sleeper sleeper;
    private final HttpClient client;
    private final Semaphore permits;
    private final JsonSelector answer;
    private final JsonSelector contexts;
    private final JsonSelector contextIds;

    /** Reads header variables from the process environment; throws LlmevalException when one is unset. */
    public HttpTarget(HttpTargetSettings settings) {
        this(settings, System.getenv());
    }

    /** Reads header variables from {@code env}; throws LlmevalException when one is unset. */
    public HttpTarget(HttpTargetSettings settings, java.util.Map<String, String> env) {
        this(settings, env::get, duration -> Thread.sleep(duration.toMillis()));
    }

    HttpTarget(HttpTargetSettings settings, UnaryOperator<String> env, Sleeper sleeper) {
        this.settings = settings;
        this.headers = EnvValues.resolve(settings.headers(), env);
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.permits = new Semaphore(settings.concurrency(), true);
        this.answer = new JsonSelector(settings.answerPointer());
        this.contexts = settings.contextsPointer().isBlank() ? null : new JsonSelector(settings.contextsPointer());
        this.contextIds = settings.contextIdsPointer().isBlank() ? null : new JsonSelector(settings.contextIdsPointer());
    }

    @Override
    public TargetAnswer answer(TargetQuestion question) throws IOException, InterruptedException {
        HttpRequest request = request(question);
        permits.acquire();
        try {
            return parse(send(request));
        } finally {
            permits.release();
        }
    }

    private HttpRequest request(TargetQuestion question) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Template.renderUrl(settings.url(), question)))
                .timeout(settings.timeout());
        if (settings.method().equals("GET")) {
            builder.GET();
        } else {
            builder.POST(HttpRequest.BodyPublishers.ofString(Template.renderJson(settings.bodyTemplate(), question)));
        }
        if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase) && settings.method().equals("POST")) {
            builder.header("Content-Type", "application/json");
        }
        builder.header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder.build();
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (status >= 300 && status < 400) {
                throw new IOException("HTTP " + status + " redirect from " + Urls.mask(request.uri().toString())
                        + " to Location: " + Urls.mask(response.headers().firstValue("Location").orElse("(none)"))
                        + "; redirects are not followed: use the final URL as --target-url");
            }
            boolean retriable = status == 429 || status >= 500;
            if (!retriable || attempt >= settings.maxRetries()) {
                String tries = retriable && attempt > 0 ? " after " + (attempt + 1) + " attempts" : "";
                throw new IOException("HTTP " + status + tries + " from " + Urls.mask(request.uri().toString()) + ": " + quote(response.body()));
            }
            sleeper.sleep(wait(response, attempt));
        }
    }

    private static Duration wait(HttpResponse<String> response, int attempt) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt, 10));
        String retryAfter = response.headers().firstValue("Retry-After").orElse("").strip();
        if (retryAfter.matches("\\d{1,6}")) {
            backoff = Duration.ofSeconds(Long.parseLong(retryAfter));
        }
        return backoff.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff;
    }

    private TargetAnswer parse(String body) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String tooLong = TargetRunner.tooLong(e);
            throw new IOException(tooLong != null ? tooLong : "response is not JSON: " + quote(body));
        }
        if (root == null) {
            throw new IOException("response body is empty");
        }
        JsonNode text = answer.one(root);
        if (text == null || text.isNull()) {
            throw new IOException("response has no answer at " + answer.pointer() + ": " + quote(body));
        }
        return new TargetAnswer(
                text.isValueNode() ? text.asText() : text.toString(),
                texts(contexts, root, body, "contexts"),
                texts(contextIds, root, body, "context ids"));
    }

    private static List<String> texts(JsonSelector selector, JsonNode root, String body, String what) throws IOException {
        if (selector == null) {
            return List.of();
        }
        List<JsonNode> nodes = selector.all(root);
        if (nodes == null) {
            throw new IOException("response has no " + what + " at " + selector.pointer() + ": " + quote(body));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isValueNode() || node.isNull()) {
                throw new IOException(what + " at " + selector.pointer() + " are not strings (point inside the"
                        + " objects, e.g. " + selector.pointer() + "/*/text): " + quote(body));
            }
            out.add(node.asText());
        }
        return out;
    }

    private static String quote(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return "'" + TargetRunner.truncate(flat, MAX_QUOTE) + "'";
    }
}
