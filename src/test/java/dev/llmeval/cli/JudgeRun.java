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
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A three-sample golden set judged by a {@link FakeOpenAiServer} in a fresh temporary folder, for
 * the integration tests: register it with {@code @RegisterExtension} and it starts the server
 * before each test and stops it (and removes the folder) after.
 */
final class JudgeRun implements BeforeEachCallback, AfterEachCallback {

    static final String GOLDEN = """
            {"id": "pw-1", "user_input": "How do I reset my password?", "retrieved_contexts": ["Open Settings, then Security, then Reset password.", "Billing is monthly."], "response": "Open Settings, choose Security and click Reset password.", "reference": "Settings > Security > Reset password."}
            {"id": "pw-2", "user_input": "Can I reset a password from the CLI?", "retrieved_contexts": ["The CLI command 'acct reset' resets a password.", "The API has a rate limit."], "response": "Yes, run acct reset.", "reference": "Use acct reset."}
            {"id": "pw-3", "user_input": "Who can reset another user's password?", "retrieved_contexts": ["Admins can reset any user's password."], "response": "Only admins can.", "reference": "Admins."}
            """;

    private final Function<JsonNode, String> replies;
    private Path dir;
    private FakeOpenAiServer server;
    private Path dataset;

    /** A judge that answers with the server's default replies. */
    JudgeRun() {
        this(null);
    }

    /** A judge that answers with {@code replies} (see {@link FakeOpenAiServer#replyWith}). */
    JudgeRun(Function<JsonNode, String> replies) {
        this.replies = replies;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("llmeval-it");
        server = replies == null ? new FakeOpenAiServer() : new FakeOpenAiServer().replyWith(replies);
        dataset = dir.resolve("golden.jsonl");
        Files.writeString(dataset, GOLDEN);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    FakeOpenAiServer server() {
        return server;
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
