package dev.llmeval.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A three-sample golden set judged by a {@link FakeOpenAiServer}, for the integration tests. */
final class JudgeRun {

    static final String GOLDEN = """
            {"id": "pw-1", "user_input": "How do I reset my password?", "retrieved_contexts": ["Open Settings, then Security, then Reset password.", "Billing is monthly."], "response": "Open Settings, choose Security and click Reset password.", "reference": "Settings > Security > Reset password."}
            {"id": "pw-2", "user_input": "Can I reset a password from the CLI?", "retrieved_contexts": ["The CLI command 'acct reset' resets a password.", "The API has a rate limit."], "response": "Yes, run acct reset.", "reference": "Use acct reset."}
            {"id": "pw-3", "user_input": "Who can reset another user's password?", "retrieved_contexts": ["Admins can reset any user's password."], "response": "Only admins can.", "reference": "Admins."}
            """;

    private final Path dir;
    private final FakeOpenAiServer server;
    private final Path dataset;

    JudgeRun(Path dir, FakeOpenAiServer server) {
        this.dir = dir;
        this.server = server;
        this.dataset = dir.resolve("golden.jsonl");
        try {
            Files.writeString(dataset, GOLDEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code llmeval run} on the golden set with the server as an OpenAI-compatible judge. */
    CliRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--dataset", dataset.toString(), "--judge", "openai",
                "--judge-base-url", server.baseUrl(), "--out", dir.resolve("report").toString(),
                "--cache-dir", dir.resolve("cache").toString()));
        if (!Arrays.asList(extra).contains("--judge-model")) {
            args.addAll(List.of("--judge-model", "test-judge"));
        }
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    JsonNode report() {
        try {
            return new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }
}
