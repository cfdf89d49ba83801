package dev.llmeval.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.chat.ChatModel;
import dev.llmeval.RetryAfterHttpException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterHttpClientTest {

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves every request with the given status, headers and body, and counts requests. */
    private String serve(int status, Map<String, String> headers, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static HttpRequest post(String url) {
        return HttpRequest.builder().method(HttpMethod.POST).url(url + "/chat/completions")
                .addHeader("Content-Type", "application/json").body("{}").build();
    }

    private static dev.langchain4j.http.client.HttpClient client() {
        return new RetryAfterHttpClientBuilder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void should_report_the_wait_and_not_retry_when_openai_answers_429_with_retry_after() throws IOException {
        // given
        String baseUrl = serve(429, Map.of("Retry-After", "7"),
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
        var settings = new ModelSettings("openai", "gpt-4o-mini", baseUrl, null, null, Duration.ofSeconds(5), null);
        ChatModel chat = Providers.chatModel(settings, Map.of("OPENAI_API_KEY", "sk-test"));

        // when
        Throwable thrown = catchThrowable(() -> chat.chat("hello"));

        // then
        assertThat(thrown).isNotNull();
        assertThat(causeOf(thrown, RetryAfterHttpException.class))
                .isNotNull()
                .asInstanceOf(InstanceOfAssertFactories.type(RetryAfterHttpException.class))
                .satisfies(e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(e.statusCode()).isEqualTo(429);
                });
        assertThat(requests).hasValue(1);
    }

    @ParameterizedTest
    @CsvSource({"anthropic, /v1", "gemini, ''", "ollama, ''"})
    void should_report_the_wait_when_another_provider_answers_429_with_retry_after(String provider, String path)
            throws IOException {
        // given
        String root = serve(429, Map.of("Retry-After", "3"), "{\"error\":{\"message\":\"slow down\"}}");
        String baseUrl = root.substring(0, root.length() - "/v1".length()) + path;
        var settings = new ModelSettings(provider, null, baseUrl, null, null, Duration.ofSeconds(5), null);
        ChatModel chat = Providers.chatModel(settings, Map.of("ANTHROPIC_API_KEY", "k", "GEMINI_API_KEY", "k"));

        // when
        Throwable thrown = catchThrowable(() -> chat.chat("hello"));

        // then
        assertThat(causeOf(thrown, RetryAfterHttpException.class))
                .asInstanceOf(InstanceOfAssertFactories.type(RetryAfterHttpException.class))
                .extracting(RetryAfterHttpException::retryAfter).isEqualTo(Duration.ofSeconds(3));
        assertThat(requests).hasValue(1);
    }

    @Test
    void should_throw_a_plain_http_exception_when_the_error_has_no_retry_after() throws IOException {
        // given
        String baseUrl = serve(500, Map.of(), "{\"error\":\"boom\"}");

        // when
        Throwable thrown = catchThrowable(() -> client().execute(post(baseUrl)));

        // then
        assertThat(thrown).isExactlyInstanceOf(HttpException.class).hasMessageContaining("boom");
        assertThat(((HttpException) thrown).statusCode()).isEqualTo(500);
    }

    @Test
    void should_read_an_http_date_when_a_503_gives_one() throws IOException {
        // given
        String baseUrl = serve(503, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), "busy");

        // when
        Throwable thrown = catchThrowable(() -> client().execute(post(baseUrl)));

        // then
        assertThat(thrown).isInstanceOf(RetryAfterHttpException.class);
        assertThat(((RetryAfterHttpException) thrown).retryAfter()).isEqualTo(Duration.ZERO);
    }

    @Test
    void should_return_the_body_and_headers_when_the_call_succeeds() throws IOException {
        // given
        String baseUrl = serve(200, Map.of("X-Request-Id", "abc"), "{\"ok\":true}");

        // when
        SuccessfulHttpResponse response = client().execute(post(baseUrl));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(response.headers()).containsKey("x-request-id");
    }

    private static Throwable causeOf(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
