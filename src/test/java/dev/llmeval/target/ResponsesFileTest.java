package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponsesFileTest {

    @TempDir
    Path dir;

    @Test
    void should_write_a_golden_set_in_ragas_field_names_with_the_other_fields_kept() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reference", "Port 8420.");
        fields.put("metadata", Map.of("topic", "config"));
        fields.put("response", "an old response");
        List<TargetQuestion> questions = List.of(
                new TargetQuestion("q1", "Which port?", fields),
                new TargetQuestion("q2", "Say \"hi\"\nplease"),
                new TargetQuestion("q3", "Which plan?"));
        List<TargetResult> results = List.of(
                TargetResult.success("q3", new TargetAnswer("Team", List.of("plans")), 3),
                TargetResult.failure("q2", "HTTP 500 from http://rag/ask: 'oops'", 2),
                TargetResult.success("q1", new TargetAnswer("8420", List.of("port is 8420", "tls"), List.of("c1", "c2")), 1));
        Path file = dir.resolve("out/responses.jsonl");

        ResponsesFile.write(file, questions, results);

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"id\":\"q1\",\"user_input\":\"Which port?\",\"response\":\"8420\","
                        + "\"retrieved_contexts\":[\"port is 8420\",\"tls\"],\"retrieved_context_ids\":[\"c1\",\"c2\"],"
                        + "\"reference\":\"Port 8420.\",\"metadata\":{\"topic\":\"config\"}}",
                "{\"id\":\"q2\",\"user_input\":\"Say \\\"hi\\\"\\nplease\","
                        + "\"target_error\":\"HTTP 500 from http://rag/ask: 'oops'\"}",
                "{\"id\":\"q3\",\"user_input\":\"Which plan?\",\"response\":\"Team\",\"retrieved_contexts\":[\"plans\"]}");
    }
}
