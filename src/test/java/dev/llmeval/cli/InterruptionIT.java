package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real llmeval process stopped by a signal while a slow loopback judge scores: Ctrl-C (SIGINT)
 * exits 130, SIGTERM 143, and the partial report says which it was.
 */
@DisabledOnOs(OS.WINDOWS)
class InterruptionIT {

    @TempDir
    Path dir;

    private FakeOpenAiServer judge;

    @BeforeEach
    void start() throws IOException {
        judge = new FakeOpenAiServer(300, 0);
        StringBuilder golden = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            golden.append("{\"id\": \"s").append(i).append("\", \"user_input\": \"Q").append(i)
                    .append("?\", \"response\": \"A.\", \"retrieved_contexts\": [\"C.\"], \"reference\": \"A.\"}\n");
        }
        Files.writeString(dir.resolve("golden.jsonl"), golden);
    }

    @AfterEach
    void stop() {
        judge.close();
    }

    private JsonNode stopWith(String signal, int expectedExit) throws Exception {
        Process llmeval = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--dataset", dir.resolve("golden.jsonl").toString(), "--metrics", "context_recall",
                "--judge", "openai-compatible", "--judge-base-url", judge.baseUrl(), "--judge-model", "m",
                "--concurrency", "1", "--no-cache", "--out", dir.resolve("out").toString(), "--quiet")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (judge.chatRequests().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(judge.chatRequests()).as(Files.readString(dir.resolve("log.txt"))).hasSizeGreaterThanOrEqualTo(3);
            new ProcessBuilder("kill", "-" + signal, Long.toString(llmeval.pid())).start().waitFor();
            assertThat(llmeval.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(llmeval.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isEqualTo(expectedExit);
        } finally {
            llmeval.destroyForcibly();
        }
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    @Test
    void should_exit_143_and_say_sigterm_in_the_partial_report_when_terminated() throws Exception {
        JsonNode report = stopWith("TERM", 143);

        assertThat(report.at("/run/stopped").asText()).isEqualTo("terminated (SIGTERM)");
        assertThat(report.at("/samples").size()).isEqualTo(40);
        assertThat(report.at("/metrics/context_recall/skipped").asInt()).isPositive();
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("terminated (SIGTERM)")
                .doesNotContain("Ctrl-C");
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("terminated (SIGTERM)");
    }

    @Test
    void should_exit_130_and_say_ctrl_c_in_the_partial_report_when_interrupted() throws Exception {
        JsonNode report = stopWith("INT", 130);

        assertThat(report.at("/run/stopped").asText()).isEqualTo("interrupted (Ctrl-C)");
        assertThat(report.at("/samples").size()).isEqualTo(40);
    }
}
