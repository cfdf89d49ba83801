package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the parser over real Llama-3-8B judge replies from the shared corpus (not shipped with
 * the project; skipped when absent). The parser may only fail with JudgeFormatException, and
 * must read nearly every reply whose first JSON value is complete.
 */
class JudgeCorpusTest {

    private static final Path CORPUS =
            Paths.get("../shared/datasets/judge-outputs/noah13_llama3-8b-instruct.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Tally(int complete, int parsedOfComplete, int parsedOfIncomplete, List<String> failures) {}

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // task, spec, minimum share parsed of the rows whose first JSON value is complete;
        // measured 2026-11: statements 197/197, questions 484/484, other 174/174
        "statements, statements, 0.98",
        "questions, questions, 0.98",
        "other, statements, 0.97"
    })
    void should_read_real_replies_when_first_json_value_is_complete(String task, String specName, double minimum)
            throws IOException {
        // given
        assumeTrue(Files.isRegularFile(CORPUS), "shared judge-output corpus not present");
        OutputSpec<?> spec = specName.equals("questions") ? TestSpecs.QUESTIONS : TestSpecs.STATEMENTS;
        List<String> replies = replies(task);
        assertThat(replies).isNotEmpty();

        // when
        Tally tally = parseAll(replies, spec);

        // then
        double rate = (double) tally.parsedOfComplete() / tally.complete();
        assertThat(rate)
                .as("%s: parsed %d of %d complete replies; first failures: %s",
                        task, tally.parsedOfComplete(), tally.complete(), tally.failures())
                .isGreaterThanOrEqualTo(minimum);
        assertThat(tally.parsedOfIncomplete()).as("cut-off replies must not be read").isZero();
    }

    private static Tally parseAll(List<String> replies, OutputSpec<?> spec) {
        int complete = 0;
        int parsedOfComplete = 0;
        int parsedOfIncomplete = 0;
        List<String> failures = new ArrayList<>();
        for (String raw : replies) {
            List<JsonScanner.Candidate> candidates = JsonScanner.candidates(raw.replace("```", ""));
            boolean firstComplete = !candidates.isEmpty() && candidates.get(0).complete();
            boolean parsed;
            try {
                JudgeParser.parse(raw, spec);
                parsed = true;
            } catch (JudgeFormatException e) {
                parsed = false;
                if (firstComplete && failures.size() < 3) {
                    failures.add(e.getMessage());
                }
            }
            // anything other than JudgeFormatException escapes and fails the test
            if (firstComplete) {
                complete++;
                parsedOfComplete += parsed ? 1 : 0;
            } else {
                parsedOfIncomplete += parsed ? 1 : 0;
            }
        }
        return new Tally(complete, parsedOfComplete, parsedOfIncomplete, failures);
    }

    private static List<String> replies(String task) throws IOException {
        List<String> replies = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            if (task.equals(row.path("task").asText())) {
                replies.add(row.path("raw").asText());
            }
        }
        return replies;
    }
}
