package dev.llmeval.target;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to call an HTTP target.
 *
 * @param url the endpoint; may hold {@code {{field}}} placeholders, URL-encoded when rendered
 * @param method {@code POST} (default when null) or {@code GET} (no body is sent)
 * @param bodyTemplate the JSON body with {@code {{field}}} placeholders, see {@link #DEFAULT_BODY}
 * @param answerPointer JSON Pointer to the answer text, default {@code /answer}
 * @param contextsPointer JSON Pointer to the contexts, {@code *} for every list item
 *     (e.g. {@code /sources/*}{@code /text}); default {@code /contexts}; blank for none
 * @param contextIdsPointer JSON Pointer to the context ids, null or blank for none
 * @param headers header name → value; {@code ${VAR}} in a value is replaced by the environment
 *     variable {@code VAR} (an unset variable is an error); values are never logged
 * @param timeout per-request timeout, default 60 s
 * @param maxRetries retries on HTTP 5xx and 429, default 3 when negative
 * @param concurrency maximum calls in flight on this target, default 4 when below 1
 */
public record HttpTargetSettings(
        String url,
        String method,
        String bodyTemplate,
        String answerPointer,
        String contextsPointer,
        String contextIdsPointer,
        Map<String, String> headers,
        Duration timeout,
        int maxRetries,
        int concurrency) {

    public static final String DEFAULT_BODY = "{\"question\": \"{{user_input}}\"}";
    public static final String DEFAULT_ANSWER = "/answer";
    public static final String DEFAULT_CONTEXTS = "/contexts";

    public HttpTargetSettings {
        Objects.requireNonNull(url, "url == null");
        URI uri = URI.create(url.replace("{{", "").replace("}}", ""));
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("target URL must be an http:// or https:// URL with a host: " + url);
        }
        method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("GET")) {
            throw new IllegalArgumentException("method must be POST or GET, got " + method);
        }
        bodyTemplate = bodyTemplate == null ? DEFAULT_BODY : bodyTemplate;
        answerPointer = answerPointer == null ? DEFAULT_ANSWER : answerPointer;
        contextsPointer = contextsPointer == null ? DEFAULT_CONTEXTS : contextsPointer;
        contextIdsPointer = contextIdsPointer == null ? "" : contextIdsPointer;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        maxRetries = maxRetries < 0 ? 3 : maxRetries;
        concurrency = concurrency < 1 ? 4 : concurrency;
    }

    /** POST to {@code url} with every default. */
    public static HttpTargetSettings of(String url) {
        return new HttpTargetSettings(url, null, null, null, null, null, null, null, -1, 0);
    }
}
