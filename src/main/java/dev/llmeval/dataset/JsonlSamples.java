package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
final class JsonlSamples {

    private JsonlSamples() {
    }

    static List<GoldenSample> read(Path file, String text, SampleMapper mapper) {
        List<GoldenSample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            JsonNode node = parse(file, lineNumber, line);
            if (!node.isObject()) {
                throw Invalid.input(file + ":" + lineNumber
                        + ": expected a JSON object, got " + Json.typeName(node));
            }
            Position position = Position.of(DatasetFormat.JSONL, lineNumber, samples.size() + 1);
            samples.add(mapper.map((ObjectNode) node, position));
        }
        return samples;
    }

    private static JsonNode parse(Path file, int lineNumber, String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw Invalid.input(file + ":" + lineNumber + ": not valid JSON: " + Json.shortMessage(e));
        }
    }
}
