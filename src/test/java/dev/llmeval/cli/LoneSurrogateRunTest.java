package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lone UTF-16 surrogate (valid JSON: {@code "\ud800"}, or an emoji cut in half) in any text field
 * is replaced by U+FFFD when it is read, noted once per sample, and every report is written.
 */
class LoneSurrogateRunTest {

    private static final String FFFD = "\uFFFD";

    @TempDir
    Path dir;

    private CliRun run(Path dataset, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--dataset", dataset.toString(),
                "--metrics", "exact_match,rouge_l", "--format", "json,html,junit,markdown",
                "--out", dir.resolve("out").toString(), "--quiet"));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
    }

    private void assertEveryReportIsWellFormed() throws Exception {
        for (String name : List.of("report.json", "report.html", "junit.xml", "summary.md")) {
            byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve(name));
            assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString())
                    .as(name).isNotEmpty();
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out/junit.xml").toFile());
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("</html>");
    }

    @Test
    void should_replace_lone_surrogates_note_each_sample_and_write_every_report_when_jsonl_holds_them()
            throws Exception {
        // given: a bare high surrogate, an emoji cut in half, a lone low surrogate in a context, the
        // id and a metadata value; the third sample is clean (a whole emoji is a pair)
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "a", "user_input": "What is X?", "response": "bad \\ud800 surrogate", "reference": "bad \\ud800 surrogate", "retrieved_contexts": ["X \\udc00 is"]}
                {"id": "b\\ud83d", "user_input": "What is Y?", "response": "Great answer \\ud83d", "reference": "Great answer", "metadata": {"k": ["v\\ud800"]}}
                {"id": "c", "user_input": "Fine \\ud83d\\ude00", "response": "ok", "reference": "ok"}
                """);

        // when
        CliRun result = run(dataset);

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).doesNotContain("\tat ", "internal error");
        assertEveryReportIsWellFormed();
        JsonNode report = report();
        assertThat(report.at("/samples").size()).isEqualTo(3);
        assertThat(report.at("/samples/0/response").asText()).isEqualTo("bad " + FFFD + " surrogate");
        assertThat(report.at("/samples/0/retrieved_contexts/0").asText()).isEqualTo("X " + FFFD + " is");
        assertThat(report.at("/samples/0/scores/exact_match/score").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/samples/1/id").asText()).isEqualTo("b" + FFFD);
        assertThat(report.at("/samples/1/response").asText()).isEqualTo("Great answer " + FFFD);
        assertThat(report.at("/samples/1/metadata/k/0").asText()).isEqualTo("v" + FFFD);
        assertThat(report.at("/samples/2/user_input").asText()).isEqualTo("Fine \ud83d\ude00");

        assertThat(report.at("/samples/0/warnings").toString()).isEqualTo("[\"unpaired UTF-16 surrogates replaced"
                + " with U+FFFD in response, reference, retrieved_contexts[0]\"]");
        assertThat(report.at("/samples/1/warnings/0").asText()).isEqualTo("unpaired UTF-16 surrogates replaced"
                + " with U+FFFD in id, response, metadata.k[0]");
        assertThat(report.at("/samples/2/warnings").isMissingNode()).isTrue();

        List<String> notes = result.err().lines().filter(l -> l.contains("U+FFFD")).toList();
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).startsWith("llmeval: warning: " + dataset + ":1: sample 'a': unpaired UTF-16");
        assertThat(notes.get(1)).startsWith("llmeval: warning: " + dataset + ":2: sample 'b" + FFFD + "':");
        assertThat(Files.readString(dir.resolve("out/report.html"))).contains("unpaired UTF-16 surrogates replaced");
    }

    @Test
    void should_exit_3_naming_the_line_when_a_key_holds_a_lone_surrogate() throws IOException {
        // given: Jackson refuses these in field names, so they are a parse error, not a crash
        Path dataset = Files.writeString(dir.resolve("golden.jsonl"), """
                {"id": "a", "user_input": "Q", "response": "ok", "reference": "ok"}
                {"id": "b", "user_input": "Q", "response": "ok", "metadata": {"k\\udfff": 1}}
                """);

        // when
        CliRun result = run(dataset);

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().strip()).startsWith("llmeval: " + dataset + ":2: not valid JSON: ")
                .contains("surrogate").doesNotContain("\n", "\tat ");
    }

    @Test
    void should_replace_lone_surrogates_when_a_json_document_holds_them() throws Exception {
        // given
        Path dataset = Files.writeString(dir.resolve("golden.json"), """
                {"samples": [
                  {"id": "a", "user_input": "Q \\udbff", "response": "half \\ud83d", "reference": "half"}
                ]}
                """);

        // when
        CliRun result = run(dataset);

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertEveryReportIsWellFormed();
        assertThat(report().at("/samples/0/user_input").asText()).isEqualTo("Q " + FFFD);
        assertThat(report().at("/samples/0/warnings/0").asText()).endsWith("in user_input, response");
    }

    @Test
    void should_replace_lone_surrogates_when_a_csv_cell_holds_them_as_json_escapes() throws Exception {
        // given: CSV text is strict UTF-8, but list and metadata cells are JSON, where escapes can hold them
        Path dataset = Files.writeString(dir.resolve("golden.csv"), """
                id,user_input,response,reference,retrieved_contexts,metadata
                a,Q,ok,ok,"[""c \\udc00""]","{""n"": ""\\ud800""}"
                """);

        // when
        CliRun result = run(dataset);

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertEveryReportIsWellFormed();
        assertThat(report().at("/samples/0/retrieved_contexts/0").asText()).isEqualTo("c " + FFFD);
        assertThat(report().at("/samples/0/metadata/n").asText()).isEqualTo(FFFD);
        assertThat(report().at("/samples/0/warnings/0").asText()).endsWith("in retrieved_contexts[0], metadata.n");
    }

    @Test
    void should_replace_lone_surrogates_in_what_a_target_answers() throws Exception {
        // given: a command target whose reply holds a cut emoji in its answer and a lone surrogate in a context
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "/bin/sh is needed for this target");
        Path script = Files.writeString(dir.resolve("target.sh"), """
                while read -r line; do
                  printf '%s\\n' '{"id": "q1", "response": "cut \\ud83d", "retrieved_contexts": ["ctx \\udc00"], "retrieved_context_ids": ["id\\ud800"]}'
                done
                """);
        Path dataset = Files.writeString(dir.resolve("questions.jsonl"), """
                {"id": "q1", "user_input": "Q?", "reference": "cut"}
                """);
        Path saved = dir.resolve("saved.jsonl");

        // when
        CliRun result = run(dataset, "--target", "command", "--target-command", "sh " + script,
                "--save-responses", saved.toString());

        // then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertEveryReportIsWellFormed();
        JsonNode report = report();
        assertThat(report.at("/samples/0/response").asText()).isEqualTo("cut " + FFFD);
        assertThat(report.at("/samples/0/retrieved_contexts/0").asText()).isEqualTo("ctx " + FFFD);
        assertThat(report.at("/samples/0/target/context_ids/0").asText()).isEqualTo("id" + FFFD);
        assertThat(report.at("/samples/0/warnings/0").asText()).isEqualTo("unpaired UTF-16 surrogates replaced"
                + " with U+FFFD in the target's response, retrieved_contexts[0], retrieved_context_ids[0]");
        assertThat(result.err().lines().filter(l -> l.contains("U+FFFD")))
                .containsExactly("llmeval: warning: target answer for sample 'q1': unpaired UTF-16 surrogates"
                        + " replaced with U+FFFD in the target's response, retrieved_contexts[0],"
                        + " retrieved_context_ids[0]");
        assertThat(Files.readString(saved)).contains("cut " + FFFD);
    }
}
