package dev.llmeval.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Reads a saved {@code report.json} back, so that its other formats can be written again. The
 * samples are never all held: the file is checked once (every sample is read and dropped), and
 * each pass over the report's samples reads them from the file again, one at a time, so memory
 * is bounded by the largest sample, not by their number.
 */
public final class ReportReader {

    private ReportReader() {}

    public static RunReport read(Path file) {
        ObjectNode head = Json.MAPPER.createObjectNode();
        try (JsonParser parser = Json.MAPPER.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(file, "not an llmeval report.json");
            }
            boolean samples = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("samples".equals(name) && value == JsonToken.START_ARRAY) {
                    samples = true;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        SampleLines.read(Json.MAPPER.<JsonNode>readTree(parser));
                    }
                } else {
                    head.set(name, Json.MAPPER.readTree(parser));
                }
            }
            if (!samples || !"llmeval".equals(head.at("/tool/name").asText())) {
                throw invalid(file, "not an llmeval report.json");
            }
            return new RunReport(
                    Json.MAPPER.treeToValue(head.path("tool"), ToolInfo.class),
                    Json.MAPPER.treeToValue(head.path("run"), RunInfo.class),
                    Json.MAPPER.convertValue(head.path("metrics"),
                            new TypeReference<LinkedHashMap<String, MetricReport>>() {}),
                    new Samples(file),
                    Json.MAPPER.treeToValue(head.path("gate"), GateReport.class));
        } catch (JacksonException e) {
            throw invalid(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw invalid(file, "not a report this llmeval can read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw invalid(file, "cannot read: " + e.getMessage());
        }
    }

    private static LlmevalException invalid(Path file, String problem) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, file + ": " + problem);
    }

    /** The samples of a checked report file, read from it again on every pass. */
    private record Samples(Path file) implements Iterable<SampleReport> {

        @Override
        public Iterator<SampleReport> iterator() {
            try {
                JsonParser parser = Json.MAPPER.createParser(file.toFile());
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY && "samples".equals(name)) {
                        return new Reading(parser, file);
                    }
                    parser.skipChildren();
                }
                parser.close();
                throw invalid(file, "the file changed while llmeval was reading it");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** One pass over the samples array; closes the file at its end. */
    private static final class Reading extends Lookahead<SampleReport> {
        private final JsonParser parser;
        private final Path file;

        Reading(JsonParser parser, Path file) {
            this.parser = parser;
            this.file = file;
        }

        @Override
        SampleReport read() {
            try {
                if (parser.isClosed()) {
                    return null;
                }
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    return SampleLines.read(Json.MAPPER.<JsonNode>readTree(parser));
                }
                parser.close();
                return null;
            } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
                throw invalid(file, "the file changed while llmeval was reading it");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
