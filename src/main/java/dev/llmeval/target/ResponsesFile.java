package dev.llmeval.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.Utf16;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the target's answers as a JSONL golden set in RAGAS field names, so a run can be scored
 * again without calling the target ({@code --save-responses FILE.jsonl}).
 *
 * <p>One line per question, in question order: {@code id}, {@code user_input}, {@code response},
 * {@code retrieved_contexts}, {@code retrieved_context_ids} (when the target gave ids), then the
 * question's other fields ({@code reference}, {@code metadata}, ...). A question whose call failed
 * has no {@code response} and carries {@code target_error} instead.
 */
public final class ResponsesFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResponsesFile() {}

    /** Results are matched to questions by position when the ids agree (as {@link TargetRunner} returns them), else by id. */
    public static void write(Path file, List<TargetQuestion> questions, List<TargetResult> results) throws IOException {
        Map<String, TargetResult> byId = new HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Utf16.writer(file)) {
            for (int i = 0; i < questions.size(); i++) {
                TargetQuestion question = questions.get(i);
                TargetResult result = i < results.size() && results.get(i).id().equals(question.id())
                        ? results.get(i)
                        : byId.get(question.id());
                out.write(MAPPER.writeValueAsString(line(question, result)));
                out.write('\n');
            }
        }
    }

    static Map<String, Object> line(TargetQuestion question, TargetResult result) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", question.id());
        line.put("user_input", question.userInput());
        if (result == null) {
            line.put("target_error", "not asked");
        } else if (result.failed()) {
            line.put("target_error", result.error());
        } else {
            TargetAnswer answer = result.answer();
            line.put("response", answer.response());
            line.put("retrieved_contexts", answer.contexts());
            if (!answer.contextIds().isEmpty()) {
                line.put("retrieved_context_ids", answer.contextIds());
            }
        }
        question.fields().forEach((key, value) -> {
            if (!key.equals("response") && !key.startsWith("retrieved_context") && !key.equals("target_error")) {
                line.putIfAbsent(key, value);
            }
        });
        return line;
    }
}
