package dev.llmeval.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key of a YAML file is, by key path ({@code judge.timeout}, {@code metrics[1]}), so
 * that errors found after binding can name the line.
 */
final class KeyLines {

    private static final YAMLFactory YAML = new YAMLFactory();

    private final Path file;
    private final Map<String, Integer> lines;

    private KeyLines(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    static KeyLines of(Path file, byte[] yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                boolean arrayItem = parser.getParsingContext().inArray() && token != JsonToken.END_ARRAY;
                if (token == JsonToken.FIELD_NAME || arrayItem) {
                    lines.putIfAbsent(path(parser.getParsingContext()), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // malformed YAML is reported by the reader; here we only lose line numbers
        }
        return new KeyLines(file, lines);
    }

    /** {@code file:line} for the key at {@code path}, or just {@code file} when unknown. */
    String at(String path) {
        Integer line = lines.get(path);
        return line == null ? file.toString() : file + ":" + line;
    }

    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.toString();
    }
}
