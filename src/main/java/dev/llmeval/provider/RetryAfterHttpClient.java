package dev.llmeval.provider;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.llmeval.RetryAfterHttpException;
import dev.llmeval.Urls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * LangChain4j's JDK HTTP client, except that an error response with a {@code Retry-After}
 * header throws {@link RetryAfterHttpException} carrying the wait, where the JDK client throws a
 * plain {@link HttpException} and drops the headers. Plain requests are sent here with
 * {@link java.net.http.HttpClient}; streaming and multipart requests go to the JDK client
 * (found through {@code HttpClientBuilderLoader}, as {@code langchain4j-http-client-jdk} is a runtime
 * dependency only).
 */
final class RetryAfterHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final HttpClient fallback;
    private final Clock clock;

    RetryAfterHttpClient(java.net.http.HttpClient http, Duration readTimeout, HttpClient fallback, Clock clock) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (isMultipart(request)) {
            return fallback.execute(request);
        }
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        }
        var wait = response.headers().firstValue("Retry-After").flatMap(value -> RetryAfter.parse(value, clock));
        if (wait.isPresent()) {
            throw new RetryAfterHttpException(status, response.body(), wait.get());
        }
        if (status >= 300 && status < 400) {
            throw new HttpException(status, "HTTP " + status + " redirect to "
                    + Urls.mask(response.headers().firstValue("Location").orElse("(no Location)"))
                    + "; llmeval does not follow redirects: set the base URL to the final address if you trust it");
        }
        String body = response.body();
        throw new HttpException(status, body == null || body.isBlank() ? "HTTP " + status + " with an empty body" : body);
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        fallback.execute(request, parser, listener);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(toJdk(request), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        builder.method(request.method().name(), body);
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static boolean isMultipart(HttpRequest request) {
        return !isEmpty(request.formDataFields()) || !isEmpty(request.formDataFiles());
    }

    private static boolean isEmpty(Map<?, ?> map) {
        return map == null || map.isEmpty();
    }
}
