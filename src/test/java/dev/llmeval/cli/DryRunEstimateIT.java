package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dry-run} needs no key and estimates the input tokens the server will count: on the
 * demo set, within 10% of the tokens a server counts on the requests the judge really sends
 * (counted there with gpt-4o's tokenizer, as OpenAI makes up prompt_tokens), with the judge
 * replying as a real one would (the statements of each answer, a verdict for each).
 */
class DryRunEstimateIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEMO = Path.of("golden-sets/demo.jsonl").toAbsolutePath();
    private static final Pattern TOTAL = Pattern.compile("(?m)^total\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)$");
    private static final Pattern PER_SAMPLE =
            Pattern.compile("(?m)^per sample \\(the run's total / 20\\): 5\\.0 calls, (\\d+) input tokens");

    @TempDir
    Path dir;

    @Test
    void should_estimate_without_any_key_and_call_nothing() {
        // no OPENAI_API_KEY, no base URL: the real run would need the key, the estimate does not
        CliRun openAi = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--judge", "openai", "--dry-run");
        CliRun anthropic = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--judge", "anthropic",
                "--dry-run", "--embeddings", "openai");

        assertThat(openAi.exitCode()).as(openAi.err()).isZero();
        assertThat(openAi.out()).contains("dry run: 20 samples x 4 metrics with openai gpt-4o-mini; nothing is called",
                "for the whole run (20 samples):", "per sample (the run's total / 20): 5.0 calls",
                "input tokens counted with o200k_base, the tokenizer of gpt-4o-mini");
        assertThat(anthropic.exitCode()).as(anthropic.err()).isZero();
        assertThat(anthropic.out()).contains("o200k_base as a stand-in: the tokenizer of claude-3-5-haiku-latest is"
                + " not known here");
        assertThat(dir.resolve("llmeval-report")).doesNotExist();
    }

    @Test
    void should_estimate_the_demo_sets_input_tokens_within_10_percent_of_what_the_server_counts() throws IOException {
        try (FakeOpenAiServer server = new FakeOpenAiServer().countingTokens().replyWith(DryRunEstimateIT::reply)) {
            // given
            CliRun dryRun = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--judge", "openai",
                    "--judge-base-url", server.baseUrl(), "--judge-model", "gpt-4o-mini", "--dry-run");
            assertThat(server.chatRequests()).isEmpty();
            Matcher total = TOTAL.matcher(dryRun.out());
            assertThat(total.find()).as(dryRun.out()).isTrue();
            long estimate = Long.parseLong(total.group(2));

            // when
            CliRun real = CliRun.of(Map.of(), dir, "run", "--dataset", DEMO.toString(), "--judge", "openai",
                    "--judge-base-url", server.baseUrl(), "--judge-model", "gpt-4o-mini", "--no-cache", "--quiet",
                    "--out", dir.resolve("report").toString());

            // then
            assertThat(real.exitCode()).as(real.err()).isZero();
            JsonNode accounting = JSON.readTree(dir.resolve("report/report.json").toFile()).at("/run/accounting");
            long served = accounting.path("input_tokens").asLong();
            assertThat(served).isEqualTo(server.servedInputTokens());
            assertThat(Long.parseLong(total.group(1))).isEqualTo(accounting.path("judge_calls").asLong()).isEqualTo(100);
            System.out.printf("dry-run estimate %d, served %d input tokens (%.1f%%)%n", estimate, served,
                    100.0 * (estimate - served) / served);
            assertThat((double) Math.abs(estimate - served) / served)
                    .as("estimate %d vs served %d input tokens", estimate, served)
                    .isLessThanOrEqualTo(0.10);
            Matcher perSample = PER_SAMPLE.matcher(dryRun.out());
            assertThat(perSample.find()).as(dryRun.out()).isTrue();
            assertThat(Long.parseLong(perSample.group(1))).isEqualTo(Math.round(estimate / 20.0));
        }
    }

    /** What a real judge would answer: the answer's sentences as statements, a verdict for each. */
    private static String reply(JsonNode request) {
        String prompt = FakeOpenAiServer.prompt(request);
        ObjectNode reply = JSON.createObjectNode();
        switch (FakeOpenAiServer.schemaName(request)) {
            case "statements" -> {
                String answer = between(prompt, "ANSWER: ", "\nReply (JSON only):");
                ArrayNode statements = reply.putArray("statements");
                for (String sentence : answer.split("(?<=[.!?])\\s+")) {
                    statements.add(sentence.strip());
                }
            }
            case "statement_verdicts" -> {
                ArrayNode verdicts = reply.putArray("verdicts");
                Matcher line = Pattern.compile("(?m)^\\d+\\. (.+)$")
                        .matcher(between(prompt, "STATEMENTS:\n", "\nReply (JSON only):"));
                while (line.find()) {
                    verdicts.addObject().put("statement", line.group(1))
                            .put("reason", "The context states this directly.").put("verdict", 1);
                }
            }
            default -> {
                return FakeOpenAiServer.defaultReply(request);
            }
        }
        return reply.toString();
    }

    private static String between(String text, String start, String end) {
        int from = text.lastIndexOf(start) + start.length();
        int to = text.indexOf(end, from);
        return text.substring(from, to < 0 ? text.length() : to);
    }
}
