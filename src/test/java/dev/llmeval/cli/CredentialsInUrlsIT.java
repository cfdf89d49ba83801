package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials in a judge or target URL (user:password@, ?api_key=) are masked wherever a URL is shown. */
class CredentialsInUrlsIT {

    @TempDir
    Path dir;

    private void assertNothingShows(CliRun result, String... secrets) throws Exception {
        List<String> texts = new ArrayList<>(List.of(result.out(), result.err()));
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(file));
            }
        }
        for (String text : texts) {
            assertThat(text).doesNotContain(secrets);
        }
    }

    @Test
    void should_mask_the_password_of_a_judge_url_on_the_console_and_in_every_report() throws Exception {
        // given
        try (FakeOpenAiServer judge = new FakeOpenAiServer()) {
            String url = judge.baseUrl().replace("http://", "http://alice:hunter2@");
            Path dataset = Files.writeString(dir.resolve("golden.jsonl"), JudgeRun.GOLDEN);

            // when
            CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--judge", "openai",
                    "--judge-base-url", url, "--judge-model", "m", "--metrics", "context_recall", "--out",
                    dir.resolve("out").toString(), "--format", "json,html,junit,markdown", "--no-cache");

            // then
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(judge.chatRequests()).hasSize(3);
            assertNothingShows(result, "hunter2");
            assertThat(Files.readString(dir.resolve("out/report.json")))
                    .contains("\"base_url\": \"" + judge.baseUrl().replace("http://", "http://***@") + "\"");
        }
    }

    @Test
    void should_mask_credentials_of_a_target_url_in_its_description_and_its_errors() throws Exception {
        // given: a target that fails the second question
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ask", exchange -> {
            boolean fail = calls.incrementAndGet() == 2;
            byte[] bytes = (fail ? "{\"error\": \"down\"}" : "{\"answer\": \"ok\", \"contexts\": [\"ok\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            Path dataset = Files.writeString(dir.resolve("q.jsonl"), """
                    {"id": "q1", "user_input": "Q1", "reference": "ok"}
                    {"id": "q2", "user_input": "Q2", "reference": "ok"}
                    """);
            String url = "http://bob:s3cr3t@127.0.0.1:" + server.getAddress().getPort() + "/ask?api_key=k3y&lang=en";

            // when
            CliRun result = CliRun.of(Map.of(), dir, "run", "--dataset", dataset.toString(), "--target", "http",
                    "--target-url", url, "--target-concurrency", "1", "--max-target-errors", "1", "--metrics",
                    "exact_match", "--out", dir.resolve("out").toString(), "--format", "json,html,junit,markdown");

            // then
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertNothingShows(result, "s3cr3t", "k3y");
            String json = Files.readString(dir.resolve("out/report.json"));
            assertThat(json).contains("http://***@127.0.0.1:" + server.getAddress().getPort() + "/ask?api_key=***&lang=en");
            assertThat(json).contains("HTTP 400 from http://***@127.0.0.1");
        } finally {
            server.stop(0);
        }
    }
}
