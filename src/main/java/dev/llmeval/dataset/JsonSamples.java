package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a JSON document: a top-level array of sample objects, or an object with a {@code samples}
 * array (other top-level fields are ignored). Streams the array, a sample at a time, which also
 * tells each object's line.
 */
final class JsonSamples implements SampleSource {

    private static final String SHAPE =
            "expected a JSON array of samples or an object with a 'samples' array";

    private final DatasetFile file;
    private final Reader text;
    private final SampleMapper mapper;
    private JsonParser parser;
    /** Inside the samples array, between two samples. */
    private boolean inArray;
    /** The samples array is inside a wrapper object, which starts at this line (0: a top-level array). */
    private int wrapperLine;
    private boolean found;
    private boolean done;
    private int samples;

    JsonSamples(DatasetFile file, Reader text, SampleMapper mapper) {
        this.file = file;
        this.text = text;
        this.mapper = mapper;
    }

    @Override
    public GoldenSample next() {
        if (done) {
            return null;
        }
        try {
            if (parser == null) {
                parser = Json.MAPPER.createParser(text);
                // the caller closes the text, after hashing what the parser left
                parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
                openDocument();
            }
            while (inArray) {
                if (parser.nextToken() != JsonToken.END_ARRAY) {
                    return sample();
                }
                inArray = false;
                if (wrapperLine > 0) {
                    readWrapperFields();
                }
            }
            if (parser.nextToken() != null) {
                throw Invalid.input(file.path() + ":" + line()
                        + ": not valid JSON: unexpected content after the end of the document");
            }
            done = true;
            return null;
        } catch (JacksonException e) {
            // a constraint (a too long text) comes without a location: the parser knows where it is
            int line = e.getLocation() != null ? e.getLocation().getLineNr()
                    : parser != null ? parser.currentLocation().getLineNr() : 1;
            throw Invalid.input(file.path() + ":" + line + ": " + Json.problem(e));
        } catch (IOException e) {
            throw file.unreadable(e);
        }
    }

    private void openDocument() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            inArray = true;
        } else if (token == JsonToken.START_OBJECT) {
            wrapperLine = line();
            readWrapperFields();
        } else {
            JsonNode node = Json.IN_STREAM.readTree(parser);
            throw Invalid.input(file.path() + ":" + line() + ": " + SHAPE + ", got " + Json.typeName(node));
        }
    }

    /** Reads the wrapper's fields up to the next {@code samples} array, or to its end. */
    private void readWrapperFields() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"samples".equals(name)) {
                parser.skipChildren();
            } else if (value == JsonToken.START_ARRAY) {
                inArray = true;
                found = true;
                return;
            } else {
                int line = line();
                JsonNode node = Json.IN_STREAM.readTree(parser);
                throw Invalid.input(file.path() + ":" + line
                        + ": field 'samples': expected an array of sample objects, got " + Json.typeName(node));
            }
        }
        if (!found) {
            throw Invalid.input(file.path() + ":" + wrapperLine + ": " + SHAPE + ", got an object without 'samples'");
        }
    }

    private GoldenSample sample() throws IOException {
        Position position = Position.of(DatasetFormat.JSON, line(), samples + 1);
        JsonNode node = Json.IN_STREAM.readTree(parser);
        if (!node.isObject()) {
            throw Invalid.input(position.prefix(file.path())
                    + ": expected a JSON object, got " + Json.typeName(node));
        }
        samples++;
        return mapper.map((ObjectNode) node, position);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }
}
