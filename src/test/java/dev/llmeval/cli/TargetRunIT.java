package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `llmeval run --target …`: the RAG system under test answers, the offline judge scores. */
class TargetRunIT {

    private static final Path DOCS = Path.of("golden-sets/docs-demo").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode report() throws IOException {
        return JSON.readTree(dir.resolve("out/report.json").toFile());
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = dir.resolve("out").toString();
        all[args.length + 3] = "--quiet";
        return CliRun.of(Map.of("RAG_TOKEN", "s3cret"), dir, all);
    }

    private Path questions() throws IOException {
        Path file = dir.resolve("questions.jsonl");
        Files.writeString(file, """
                {"id": "q1", "user_input": "Which port does the server listen on?", "reference": "Port 8420."}
                {"id": "q2", "user_input": "How many daily snapshots are kept?", "reference": "7 daily snapshots."}
                """);
        return file;
    }

    @Test
    void should_score_the_builtin_pipeline_over_a_docs_folder_offline() throws IOException {
        Path saved = dir.resolve("saved.jsonl");

        CliRun result = run("--dataset", DOCS.resolve("questions.jsonl").toString(), "--target", "builtin",
                "--docs", DOCS.toString(), "--save-responses", saved.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/run/target/kind").asText()).isEqualTo("builtin");
        assertThat(report.at("/run/target/errors").asInt()).isZero();
        int samples = report.at("/run/dataset/samples").asInt();
        assertThat(report.at("/run/target/calls").asInt()).isEqualTo(samples);
        assertThat(report.at("/samples/0/response").asText()).isNotBlank();
        assertThat(report.at("/samples/0/retrieved_contexts").size()).isEqualTo(3);
        assertThat(report.at("/samples/0/target/context_ids/0").asText()).contains(".md#");
        assertThat(report.at("/metrics/faithfulness/scored").asInt()).isEqualTo(samples);
        assertThat(result.out()).contains("target: builtin", "latency p50");
        assertThat(Files.readAllLines(saved)).hasSize(samples);

        CliRun rescored = run("--dataset", saved.toString());
        assertThat(rescored.exitCode()).as(rescored.err()).isZero();
        assertThat(report().at("/run/target").isMissingNode()).isTrue();
        assertThat(report().at("/metrics/faithfulness/scored").asInt()).isEqualTo(samples);
    }

    @Test
    void should_call_an_http_target_and_score_what_it_returned() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ask", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            boolean authorised = "Bearer s3cret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String question = body.path("q").asText();
            int n = calls.incrementAndGet();
            String reply = n == 2 ? "{\"oops\": true}" : JSON.writeValueAsString(Map.of(
                    "data", Map.of("answer", authorised ? "The server listens on port 8420." : "unauthorised"),
                    "sources", List.of(Map.of("text", "The server listens on port 8420 by default.", "id", "cfg"),
                            Map.of("text", "Asked: " + question, "id", "echo"))));
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            CliRun result = run("--dataset", questions().toString(), "--target", "http",
                    "--target-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/ask",
                    "--target-body", "{\"q\": \"{{user_input}}\", \"id\": \"{{id}}\"}",
                    "--target-answer", "/data/answer", "--target-contexts", "/sources/*/text",
                    "--target-context-ids", "/sources/*/id", "--target-header", "Authorization: Bearer ${RAG_TOKEN}",
                    "--target-concurrency", "1", "--max-target-errors", "1", "--metrics", "faithfulness");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode report = report();
            assertThat(report.at("/samples/0/response").asText()).isEqualTo("The server listens on port 8420.");
            assertThat(report.at("/samples/0/retrieved_contexts/1").asText())
                    .isEqualTo("Asked: Which port does the server listen on?");
            assertThat(report.at("/samples/0/target/context_ids").toString()).isEqualTo("[\"cfg\",\"echo\"]");
            assertThat(report.at("/samples/1/target/error").asText()).contains("/data/answer");
            assertThat(report.at("/samples/1/scores/faithfulness/outcome").asText()).isEqualTo("skipped");
            assertThat(report.at("/samples/1/scores/faithfulness/reason").asText()).startsWith("not scored: the target failed");
            assertThat(report.at("/run/target/errors").asInt()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("out/report.json"))).doesNotContain("s3cret");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void should_stop_with_exit_4_when_target_errors_exceed_the_bound() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ask", exchange -> {
            byte[] bytes = "not json".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            CliRun result = run("--dataset", questions().toString(), "--target", "http",
                    "--target-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/ask",
                    "--max-target-errors", "1");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.err()).contains("more than 1 target errors")
                    .contains("; first error: the target failed: response is not JSON: 'not json'")
                    .doesNotContain("first error: none");
            assertThat(report().at("/run/stopped").asText()).contains("--max-target-errors");
            assertThat(report().at("/samples").size()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void should_fail_fast_with_exit_4_when_the_target_cannot_be_reached() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        CliRun result = run("--dataset", questions().toString(), "--target", "http",
                "--target-url", "http://127.0.0.1:" + port + "/ask");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("target unreachable");
        assertThat(dir.resolve("out/report.json")).doesNotExist();
    }

    @Test
    void should_talk_json_lines_to_a_command_target() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed for this target");
        Path script = Path.of("golden-sets/examples/rag_target.py").toAbsolutePath();

        CliRun result = run("--dataset", questions().toString(), "--target", "command",
                "--target-command", "python3 " + script, "--metrics", "faithfulness,context_recall");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/samples/0/response").asText()).contains("8420");
        assertThat(report.at("/samples/1/response").asText()).contains("7 daily");
        assertThat(report.at("/samples/0/target/context_ids/0").asText()).isEqualTo("port");
        assertThat(report.at("/metrics/faithfulness/mean").asDouble()).isEqualTo(1.0);
        assertThat(result.err()).contains("[target]");
    }

    @Test
    void should_score_id_metrics_on_the_context_ids_a_command_target_returns() throws IOException {
        // given: the golden set has the reference ids; the retrieved ids come from the target
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is needed for this target");
        Path script = Path.of("golden-sets/examples/rag_target.py").toAbsolutePath();
        Path file = dir.resolve("ids.jsonl");
        Files.writeString(file, """
                {"id": "q1", "user_input": "Which port does the server listen on?", "reference_context_ids": ["port"]}
                {"id": "q2", "user_input": "How many daily snapshots are kept?", "reference_context_ids": ["retention"]}
                """);

        // when
        CliRun result = run("--dataset", file.toString(), "--target", "command", "--target-command",
                "python3 " + script, "--metrics", "id_context_recall");

        // then: not refused before the target was asked for lack of retrieved_context_ids in the file
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/metrics/id_context_recall/scored").asInt()).isEqualTo(2);
        assertThat(report.at("/metrics/id_context_recall/mean").asDouble()).isEqualTo(1.0);
    }
}
