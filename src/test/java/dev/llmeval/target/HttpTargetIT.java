package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTargetIT {

    private record Reply(int status, String body, Map<String, String> headers, long delayMillis) {}

    private record Received(String method, String uri, String body, String authorization) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OK = "{\"answer\": \"Port 8420.\", \"contexts\": [\"listen_port defaults to 8420\"]}";

    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger serverInFlight = new AtomicInteger();
    private final AtomicInteger serverPeak = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ask";
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        serverPeak.accumulateAndGet(serverInFlight.incrementAndGet(), Math::max);
        try {
            reply(exchange);
        } finally {
            serverInFlight.decrementAndGet();
        }
    }

    private void reply(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body,
                exchange.getRequestHeaders().getFirst("Authorization")));
        Reply reply;
        synchronized (replies) {
            reply = replies.size() > 1 ? replies.poll() : replies.peek();
        }
        if (reply == null) {
            reply = new Reply(200, OK, Map.of(), 0);
        }
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void enqueue(int status, String body) {
        replies.add(new Reply(status, body, Map.of(), 0));
    }

    private HttpTarget target(HttpTargetSettings settings) {
        return new HttpTarget(settings, Map.of("MY_TOKEN", "s3cret")::get, sleeps::add);
    }

    private static HttpTargetSettings settings(String url, String body, String answer, String contexts, String ids) {
        return new HttpTargetSettings(url, "POST", body, answer, contexts, ids, Map.of(), Duration.ofSeconds(5), 3, 2);
    }

    @Test
    void should_render_the_body_template_with_escaped_fields_and_read_the_default_pointers() throws Exception {
        String template = """
                {"question": "{{user_input}}", "id": "{{id}}", "ref": "{{reference}}",
                 "topic": "{{metadata.topic}}", "tags": {{metadata.tags}}}""";
        TargetQuestion question = new TargetQuestion("q-1", "Is \"port\" 8420?\nOr \\ 443?", Map.of(
                "reference", "8420", "metadata", Map.of("topic", "con\"fig", "tags", List.of("a", "b"))));

        TargetAnswer answer = target(settings(url, template, null, null, null)).answer(question);

        assertThat(answer).isEqualTo(new TargetAnswer("Port 8420.", List.of("listen_port defaults to 8420")));
        JsonNode sent = MAPPER.readTree(received.get(0).body());
        assertThat(sent.get("question").asText()).isEqualTo("Is \"port\" 8420?\nOr \\ 443?");
        assertThat(sent.get("id").asText()).isEqualTo("q-1");
        assertThat(sent.get("ref").asText()).isEqualTo("8420");
        assertThat(sent.get("topic").asText()).isEqualTo("con\"fig");
        assertThat(sent.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(received.get(0).method()).isEqualTo("POST");
    }

    @Test
    void should_send_the_default_body_when_no_template_is_given() throws Exception {
        target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "Which port?"));

        assertThat(received.get(0).body()).isEqualTo("{\"question\": \"Which port?\"}");
    }

    @Test
    void should_fail_the_sample_when_the_template_names_a_missing_field() {
        HttpTarget target = target(settings(url, "{\"q\": \"{{metadata.nope}}\"}", null, null, null));

        assertThatThrownBy(() -> target.answer(new TargetQuestion("q1", "hi")))
                .hasMessage("template placeholder {{metadata.nope}}: sample has no such field");
        assertThat(received).isEmpty();
    }

    @Test
    void should_pick_answer_contexts_and_ids_from_nested_lists_by_pointer() throws Exception {
        enqueue(200, """
                {"data": {"answer": "Use listen_port."},
                 "sources": [{"id": "config.md#1", "text": "listen_port sets the port"},
                             {"id": "install.md#0", "text": "the console is on 8420"}]}""");
        HttpTarget target = target(settings(url, null, "/data/answer", "/sources/*/text", "/sources/*/id"));

        TargetAnswer answer = target.answer(new TargetQuestion("q1", "port?"));

        assertThat(answer).isEqualTo(new TargetAnswer("Use listen_port.",
                List.of("listen_port sets the port", "the console is on 8420"), List.of("config.md#1", "install.md#0")));
    }

    @Test
    void should_explain_when_contexts_are_objects_and_the_pointer_does_not_go_inside() {
        enqueue(200, "{\"answer\": \"a\", \"contexts\": [{\"text\": \"t\"}]}");

        assertThatThrownBy(() -> target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "x")))
                .hasMessageStartingWith("contexts at /contexts are not strings (point inside the objects, e.g. /contexts/*/text)");
    }

    @Test
    void should_retry_after_a_503_and_succeed() throws Exception {
        enqueue(503, "busy");
        enqueue(200, OK);

        TargetAnswer answer = target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "port?"));

        assertThat(answer.response()).isEqualTo("Port 8420.");
        assertThat(received).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void should_wait_the_retry_after_seconds_when_rate_limited() throws Exception {
        replies.add(new Reply(429, "slow down", Map.of("Retry-After", "7"), 0));
        enqueue(500, "oops");
        enqueue(200, OK);

        target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "port?"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1));
    }

    @Test
    void should_give_up_after_the_retries_with_the_status_and_body() {
        enqueue(502, "<html>bad gateway</html>");
        HttpTarget target = target(new HttpTargetSettings(url, null, null, null, null, null, null, null, 2, 1));

        assertThatThrownBy(() -> target.answer(new TargetQuestion("q1", "x")))
                .hasMessage("HTTP 502 after 3 attempts from " + url + ": '<html>bad gateway</html>'");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void should_not_retry_a_client_error() {
        enqueue(400, "{\"error\": \"question too long\"}");

        assertThatThrownBy(() -> target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "x")))
                .hasMessage("HTTP 400 from " + url + ": '{\"error\": \"question too long\"}'");
        assertThat(received).hasSize(1);
    }

    @Test
    void should_fail_with_a_clear_message_when_the_response_is_not_json() {
        enqueue(200, "<html>\n<body>Welcome to nginx</body>\n</html>");

        assertThatThrownBy(() -> target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "x")))
                .isInstanceOf(IOException.class)
                .hasMessage("response is not JSON: '<html> <body>Welcome to nginx</body> </html>'");
    }

    @Test
    void should_fail_with_a_clear_message_when_the_answer_is_missing() {
        enqueue(200, "{\"result\": \"hi\"}");

        assertThatThrownBy(() -> target(HttpTargetSettings.of(url)).answer(new TargetQuestion("q1", "x")))
                .hasMessage("response has no answer at /answer: '{\"result\": \"hi\"}'");
    }

    @Test
    void should_time_out_a_slow_server_and_report_it_unreachable_on_the_first_call() {
        replies.add(new Reply(200, OK, Map.of(), 3_000));
        HttpTarget target = target(new HttpTargetSettings(url, null, null, null, null, null, null,
                Duration.ofMillis(300), 0, 1));

        assertThatThrownBy(() -> target.answer(new TargetQuestion("q1", "x"))).isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> TargetRunner.run(target, List.of(new TargetQuestion("q1", "x")), 1, null))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith("target unreachable: HttpTimeoutException");
    }

    @Test
    void should_report_a_refused_connection_as_unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpTarget target = target(HttpTargetSettings.of("http://127.0.0.1:" + port + "/ask"));

        assertThatThrownBy(() -> TargetRunner.run(target, List.of(new TargetQuestion("q1", "x")), 1, null))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith("target unreachable: ConnectException")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.TARGET_FAILED);
    }

    @Test
    void should_send_headers_with_values_from_environment_variables() throws Exception {
        HttpTarget target = target(new HttpTargetSettings(url, null, null, null, null, null,
                Map.of("Authorization", "Bearer ${MY_TOKEN}"), null, 0, 1));

        target.answer(new TargetQuestion("q1", "x"));

        assertThat(received.get(0).authorization()).isEqualTo("Bearer s3cret");
    }

    @Test
    void should_name_the_variable_but_not_a_value_when_an_environment_variable_is_unset() {
        HttpTargetSettings settings = new HttpTargetSettings(url, null, null, null, null, null,
                Map.of("X-Api-Key", "${MISSING_KEY}"), null, 0, 1);

        assertThatThrownBy(() -> target(settings))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("target header X-Api-Key: environment variable MISSING_KEY is not set");
    }

    @Test
    void should_keep_at_most_its_concurrency_in_flight_when_the_runner_asks_for_more() {
        replies.add(new Reply(200, OK, Map.of(), 150));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        HttpTarget http = target(new HttpTargetSettings(url, null, null, null, null, null, null, null, 0, 2));
        RagTarget counting = question -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return http.answer(question);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        List<TargetQuestion> questions = IntStream.range(0, 7).mapToObj(i -> new TargetQuestion("q" + i, "x")).toList();

        List<TargetResult> results = TargetRunner.run(counting, questions, 6, null);

        assertThat(results).noneMatch(TargetResult::failed);
        assertThat(peak.get()).isGreaterThan(2);
        assertThat(serverPeak.get()).isEqualTo(2);
    }

    @Test
    void should_reject_a_url_that_is_not_http() {
        assertThatThrownBy(() -> HttpTargetSettings.of("localhost:8000/ask"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target URL must be an http:// or https:// URL with a host: localhost:8000/ask");
    }

    @Test
    void should_render_url_placeholders_url_encoded_for_a_get() throws Exception {
        HttpTarget target = target(new HttpTargetSettings(url + "?q={{user_input}}&id={{id}}", "GET", null, null,
                null, null, null, null, 0, 1));

        target.answer(new TargetQuestion("q 1", "a&b=c?"));

        assertThat(received.get(0).method()).isEqualTo("GET");
        assertThat(received.get(0).uri()).isEqualTo("/ask?q=a%26b%3Dc%3F&id=q+1");
        assertThat(received.get(0).body()).isEmpty();
    }
}
