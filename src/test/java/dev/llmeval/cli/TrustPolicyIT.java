package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An llmeval.yaml (which a pull request controls) cannot send a secret to a host of its choosing
 * or run a program: each refusal is exit 2 naming the file, line and setting, before anything is
 * called; the command line (flags, LLMEVAL_ALLOWED_HOSTS) allows what it names.
 */
class TrustPolicyIT {

    private static final String KEY = "sk-live-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeOpenAiServer judge;
    private HttpServer rag;
    private HttpServer elsewhere;
    private final List<Headers> ragHeaders = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ragRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> elsewhereRequests = Collections.synchronizedList(new ArrayList<>());
    private volatile int ragStatus = 200;

    @BeforeEach
    void start() throws IOException {
        judge = new FakeOpenAiServer();
        elsewhere = server(exchange -> {
            elsewhereRequests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().entrySet());
            reply(exchange, 200, "{\"answer\": \"stolen\"}");
        });
        rag = server(exchange -> {
            ragHeaders.add(exchange.getRequestHeaders());
            ragRequests.add(exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            if (ragStatus != 200) {
                exchange.getResponseHeaders().add("Location", "http://localhost:" + elsewhere.getAddress().getPort()
                        + "/collect");
                reply(exchange, ragStatus, "");
            } else {
                reply(exchange, 200, "{\"answer\": \"Port 8420.\", \"contexts\": [\"The port is 8420.\"]}");
            }
        });
        Files.writeString(dir.resolve("questions.jsonl"), """
                {"id": "q1", "user_input": "Which port?", "reference": "Port 8420."}
                """);
        Files.writeString(dir.resolve("golden.jsonl"), JudgeRun.GOLDEN);
    }

    @AfterEach
    void stop() {
        judge.close();
        rag.stop(0);
        elsewhere.stop(0);
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String ragUrl() {
        return "http://127.0.0.1:" + rag.getAddress().getPort() + "/ask";
    }

    private void config(String yaml) throws IOException {
        Files.writeString(dir.resolve("llmeval.yaml"), yaml);
    }

    private CliRun run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("OPENAI_API_KEY", KEY, "RAG_TOKEN", "rag-token-42"));
        env.putAll(extraEnv);
        List<String> all = new ArrayList<>(List.of("run", "--out", dir.resolve("out").toString(), "--quiet",
                "--cache-dir", dir.resolve("cache").toString()));
        all.addAll(List.of(args));
        return CliRun.of(env, dir, all.toArray(String[]::new));
    }

    private CliRun target(String... args) {
        List<String> all = new ArrayList<>(List.of("--dataset", dir.resolve("questions.jsonl").toString(),
                "--metrics", "exact_match"));
        all.addAll(List.of(args));
        return run(Map.of(), all.toArray(String[]::new));
    }

    private CliRun judged(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--dataset", dir.resolve("golden.jsonl").toString(),
                "--metrics", "context_recall"));
        all.addAll(List.of(args));
        return run(env, all.toArray(String[]::new));
    }

    private static void assertRefused(CliRun result, String start) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("llmeval: " + start).doesNotContain("\n", KEY);
    }

    // --- the judge's key ---

    @Test
    void should_refuse_to_send_the_judge_key_to_a_base_url_from_the_config_file() throws IOException {
        config("""
                judge:
                  provider: openai
                  base-url: %s
                  model: m
                """.formatted(judge.baseUrl()));

        CliRun result = judged(Map.of());

        assertRefused(result, dir.resolve("llmeval.yaml") + ":3: judge.base-url: the judge's API key (OPENAI_API_KEY)"
                + " would be sent to 127.0.0.1, a host that neither the command line nor LLMEVAL_ALLOWED_HOSTS allows;"
                + " pass --allow-host 127.0.0.1 if you trust it");
        assertThat(judge.chatRequests()).isEmpty();
    }

    @Test
    void should_refuse_a_key_variable_named_by_the_config_file_for_a_compatible_server_it_names() throws IOException {
        config("""
                judge:
                  provider: openai-compatible
                  model: m
                  base-url: %s
                  api-key-env: RAG_TOKEN
                """.formatted(judge.baseUrl()));

        assertRefused(judged(Map.of()), dir.resolve("llmeval.yaml") + ":4: judge.base-url: the judge's API key"
                + " (RAG_TOKEN) would be sent to 127.0.0.1");
        assertThat(judge.chatRequests()).isEmpty();
    }

    @Test
    void should_refuse_to_send_the_embeddings_key_to_a_base_url_from_the_config_file() throws IOException {
        config("""
                embeddings:
                  provider: openai
                  base-url: %s
                """.formatted(judge.baseUrl()));

        CliRun result = judged(Map.of(), "--judge", "openai", "--judge-base-url", judge.baseUrl(), "--judge-model",
                "m", "--metrics", "answer_relevancy", "--embeddings", "openai");

        assertRefused(result, dir.resolve("llmeval.yaml") + ":3: embeddings.base-url: the embedding model's API key"
                + " (OPENAI_API_KEY) would be sent to 127.0.0.1");
        assertThat(judge.chatRequests()).isEmpty();
        assertThat(judge.embeddingRequests()).isEmpty();
    }

    @Test
    void should_send_the_judge_key_to_a_config_base_url_that_allow_host_or_the_variable_names() throws IOException {
        config("""
                judge: {provider: openai, base-url: %s, model: m}
                """.formatted(judge.baseUrl()));

        CliRun flag = judged(Map.of(), "--allow-host", "127.0.0.1");
        CliRun variable = judged(Map.of("LLMEVAL_ALLOWED_HOSTS", "rag.example.com, 127.0.0.1"), "--no-cache");

        assertThat(flag.exitCode()).as(flag.err()).isZero();
        assertThat(variable.exitCode()).as(variable.err()).isZero();
        assertThat(judge.chatRequests()).hasSize(6);
    }

    @Test
    void should_send_the_judge_key_to_a_base_url_given_on_the_command_line() {
        CliRun result = judged(Map.of(), "--judge", "openai", "--judge-base-url", judge.baseUrl(), "--judge-model", "m");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(judge.chatRequests()).hasSize(3);
    }

    @Test
    void should_always_allow_the_providers_own_endpoint() throws IOException {
        config("""
                judge: {provider: openai, base-url: "https://api.openai.com/v1", model: gpt-4o-mini}
                """);

        CliRun result = judged(Map.of(), "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void should_not_follow_a_judge_redirect_to_another_host() {
        // given: the judge answers every call with a redirect to another server
        HttpServer redirecting = null;
        try {
            redirecting = server(exchange -> {
                exchange.getResponseHeaders().add("Location", "http://localhost:" + elsewhere.getAddress().getPort()
                        + "/v1/chat/completions");
                reply(exchange, 307, "");
            });
            String url = "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/v1";

            // when
            CliRun result = judged(Map.of(), "--judge", "openai", "--judge-base-url", url, "--judge-model", "m");

            // then: the run fails on the judge, and the key never reached the other host
            assertThat(result.exitCode()).isEqualTo(5);
            assertThat(elsewhereRequests).isEmpty();
            assertThat(result.err()).contains("HTTP 307 redirect to http://localhost:" + elsewhere.getAddress().getPort()
                    + "/v1/chat/completions; llmeval does not follow redirects");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (redirecting != null) {
                redirecting.stop(0);
            }
        }
    }

    // --- target headers ---

    @Test
    void should_refuse_a_config_header_that_sends_a_variable_to_a_config_url() throws IOException {
        config("""
                target:
                  kind: http
                  url: %s
                  headers:
                    X-Steal: "${OPENAI_API_KEY}"
                """.formatted(ragUrl()));

        assertRefused(target(), dir.resolve("llmeval.yaml") + ":3: target.url: the target header X-Steal would send"
                + " the environment variable OPENAI_API_KEY to 127.0.0.1, a host that neither the command line nor"
                + " LLMEVAL_ALLOWED_HOSTS allows; pass --allow-host 127.0.0.1 if you trust it (or give --target-url)");
        assertThat(ragRequests).isEmpty();
    }

    @Test
    void should_refuse_a_command_line_header_with_a_variable_when_the_url_comes_from_the_config() throws IOException {
        config("target: {kind: http, url: \"%s\"}\n".formatted(ragUrl()));

        assertRefused(target("--target-header", "Authorization: Bearer ${RAG_TOKEN}"),
                dir.resolve("llmeval.yaml") + ":1: target.url: the target header Authorization would send the"
                        + " environment variable RAG_TOKEN to 127.0.0.1");
        assertThat(ragRequests).isEmpty();
    }

    @Test
    void should_refuse_a_secret_header_to_a_host_that_the_golden_set_fills_in() {
        assertRefused(target("--target", "http", "--target-url", "http://{{metadata.host}}/ask",
                "--target-header", "Authorization: Bearer ${RAG_TOKEN}"), "--target-url: the target header"
                + " Authorization would send the environment variable RAG_TOKEN to a host filled in from each sample");
    }

    @Test
    void should_send_the_header_to_an_allowed_host_and_not_expand_variables_in_url_or_body() throws IOException {
        config("""
                target:
                  kind: http
                  url: "%s"
                  body: '{"q": "{{user_input}}", "k": "${OPENAI_API_KEY}"}'
                  headers:
                    Authorization: "Bearer ${RAG_TOKEN}"
                """.formatted(ragUrl()));

        CliRun result = target("--allow-host", "127.0.0.1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(ragHeaders).hasSize(1);
        assertThat(ragHeaders.get(0).getFirst("Authorization")).isEqualTo("Bearer rag-token-42");
        assertThat(ragRequests.get(0)).contains("${OPENAI_API_KEY}").doesNotContain(KEY);

        // and ${VAR} in a URL is no placeholder either: such a URL is refused as it stands
        CliRun url = target("--target", "http", "--target-url", ragUrl() + "?k=${OPENAI_API_KEY}");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).doesNotContain(KEY);
        assertThat(ragRequests).hasSize(1);
    }

    @Test
    void should_not_follow_a_target_redirect_to_another_host() throws IOException {
        // given: the target, at a host the command line allows, redirects to another one
        ragStatus = 307;

        // when
        CliRun result = target("--target", "http", "--target-url", ragUrl(), "--target-header",
                "Authorization: Bearer ${RAG_TOKEN}", "--max-target-errors", "1");

        // then: the question fails with the redirect named, and the header never reached the other host
        assertThat(result.exitCode()).as(result.err()).isIn(0, 1, 4);
        assertThat(elsewhereRequests).isEmpty();
        JsonNode report = JSON.readTree(dir.resolve("out/report.json").toFile());
        assertThat(report.at("/samples/0/target/error").asText()).isEqualTo("HTTP 307 redirect from " + ragUrl()
                + " to Location: http://localhost:" + elsewhere.getAddress().getPort() + "/collect; redirects are not"
                + " followed: use the final URL as --target-url");
    }

    // --- commands ---

    @Test
    void should_refuse_a_command_target_from_the_config_file_without_the_opt_in() throws IOException {
        config("""
                metrics: [exact_match]
                target:
                  kind: command
                  command: "touch pwned"
                """);

        CliRun result = run(Map.of(), "--dataset", dir.resolve("questions.jsonl").toString());

        assertRefused(result, dir.resolve("llmeval.yaml") + ":4: target.command: the config file asks to run the"
                + " command 'touch pwned'; a config file may come from a pull request, so pass --allow-config-commands"
                + " to run it (or give --target-command)");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void should_refuse_a_java_target_from_the_config_file_without_the_opt_in() throws IOException {
        config("""
                target:
                  kind: java
                  class: com.example.Evil
                  classpath: [evil.jar]
                """);

        assertRefused(target(), dir.resolve("llmeval.yaml") + ":3: target.class: the config file asks to load the"
                + " class com.example.Evil");
    }

    @Test
    void should_run_a_command_target_from_the_config_file_with_the_opt_in() throws IOException {
        config("""
                target:
                  kind: command
                  command: "touch ran; while read -r l; do echo '{\\"id\\": \\"q1\\", \\"response\\": \\"Port 8420.\\"}'; done"
                """);

        CliRun result = target("--allow-config-commands");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(dir.resolve("ran")).exists();
    }
}
