package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
final class JsonlSamples implements SampleSource {

    private final DatasetFile file;
    private final TextLines lines;
    private final SampleMapper mapper;
    private int lineNumber;
    private int samples;

    JsonlSamples(DatasetFile file, Reader text, SampleMapper mapper) {
        this.file = file;
        this.lines = new TextLines(text);
        this.mapper = mapper;
    }

    @Override
    public GoldenSample next() {
        String line;
        while ((line = nextLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parse(line);
            if (!node.isObject()) {
                throw Invalid.input(file.path() + ":" + lineNumber
                        + ": expected a JSON object, got " + Json.typeName(node));
            }
            samples++;
            return mapper.map((ObjectNode) node, Position.of(DatasetFormat.JSONL, lineNumber, samples));
        }
        return null;
    }

    private String nextLine() {
        try {
            return lines.next();
        } catch (IOException e) {
            throw file.unreadable(e);
        }
    }

    private JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (JacksonException e) {
            throw Invalid.input(file.path() + ":" + lineNumber + ": " + Json.problem(e));
        }
    }
}
