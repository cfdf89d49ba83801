package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON document: a top-level array of sample objects, or an object with a {@code samples}
 * array (other top-level fields are ignored). Streams the array to know each object's line.
 */
final class JsonSamples {

    private static final String SHAPE =
            "expected a JSON array of samples or an object with a 'samples' array";

    private final Path file;
    private final SampleMapper mapper;
    private final List<GoldenSample> samples = new ArrayList<>();

    private JsonSamples(Path file, SampleMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    static List<GoldenSample> read(Path file, String text, SampleMapper mapper) {
        JsonSamples reader = new JsonSamples(file, mapper);
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            reader.readDocument(parser);
        } catch (JacksonException e) {
            throw Invalid.input(file + ":" + e.getLocation().getLineNr()
                    + ": not valid JSON: " + Json.shortMessage(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader.samples;
    }

    private void readDocument(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            readSamples(parser);
        } else if (token == JsonToken.START_OBJECT) {
            readWrapper(parser);
        } else {
            JsonNode node = Json.IN_STREAM.readTree(parser);
            throw Invalid.input(file + ":" + line(parser) + ": " + SHAPE + ", got " + Json.typeName(node));
        }
        if (parser.nextToken() != null) {
            throw Invalid.input(file + ":" + line(parser)
                    + ": not valid JSON: unexpected content after the end of the document");
        }
    }

    private void readWrapper(JsonParser parser) throws IOException {
        int start = line(parser);
        boolean found = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"samples".equals(name)) {
                parser.skipChildren();
            } else if (value == JsonToken.START_ARRAY) {
                readSamples(parser);
                found = true;
            } else {
                int line = line(parser);
                JsonNode node = Json.IN_STREAM.readTree(parser);
                throw Invalid.input(file + ":" + line
                        + ": field 'samples': expected an array of sample objects, got " + Json.typeName(node));
            }
        }
        if (!found) {
            throw Invalid.input(file + ":" + start + ": " + SHAPE + ", got an object without 'samples'");
        }
    }

    private void readSamples(JsonParser parser) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Position position = Position.of(DatasetFormat.JSON, line(parser), samples.size() + 1);
            JsonNode node = Json.IN_STREAM.readTree(parser);
            if (!node.isObject()) {
                throw Invalid.input(position.prefix(file)
                        + ": expected a JSON object, got " + Json.typeName(node));
            }
            samples.add(mapper.map((ObjectNode) node, position));
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
