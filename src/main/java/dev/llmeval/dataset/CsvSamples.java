package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV with a header row. List columns hold a JSON array of strings, the metadata
 * column a JSON object; an empty cell is an absent field.
 */
final class CsvSamples {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    private static final Pattern CSV_LINE = Pattern.compile("\\s*at line:? *(\\d+).*", Pattern.DOTALL);
    private static final Pattern START_LINE = Pattern.compile("^\\(startline (\\d+)\\)\\s*");
    private static final String LIST_EXAMPLE = "[\"first chunk\", \"second chunk\"]";
    private static final String OBJECT_EXAMPLE = "{\"topic\": \"billing\"}";

    private final Path file;
    private final String text;
    private final SampleMapper mapper;
    private final LineIndex lines;

    private CsvSamples(Path file, String text, SampleMapper mapper) {
        this.file = file;
        this.text = text;
        this.mapper = mapper;
        this.lines = new LineIndex(text);
    }

    static List<GoldenSample> read(Path file, String text, SampleMapper mapper) {
        return new CsvSamples(file, text, mapper).read();
    }

    private List<GoldenSample> read() {
        List<GoldenSample> samples = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                if (!records.hasNext()) {
                    return samples;
                }
                List<String> header = header(records.next());
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    Position position = Position.of(DatasetFormat.CSV, startLine(record), samples.size() + 1);
                    samples.add(mapper.map(toObject(header, record, position), position));
                }
            } catch (UncheckedIOException e) {
                throw notCsv(e.getCause(), parser);
            }
        } catch (IOException e) {
            throw Invalid.input(file + ": not valid CSV: " + e.getMessage());
        }
        return samples;
    }

    private List<String> header(CSVRecord record) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int line = startLine(record);
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (name.isEmpty()) {
                throw Invalid.input(file + ":" + line + ": header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw Invalid.input(file + ":" + line + ": column '" + name + "' appears twice in the header");
            }
            header.add(name);
        }
        return header;
    }

    private ObjectNode toObject(List<String> header, CSVRecord record, Position position) {
        String where = position.prefix(file);
        if (record.size() != header.size()) {
            throw Invalid.input(where + ": has " + record.size() + " cells but the header has "
                    + header.size());
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = record.get(i);
            if (cell.isBlank()) {
                continue;
            }
            String field = mapper.fieldFor(column);
            if (SampleMapper.LIST_FIELDS.contains(field)) {
                node.set(column, jsonCell(cell, true, where, column, field));
            } else if (SampleMapper.METADATA.equals(field)) {
                node.set(column, jsonCell(cell, false, where, column, field));
            } else {
                node.put(column, cell);
            }
        }
        return node;
    }

    private static JsonNode jsonCell(String cell, boolean list, String where, String column, String field) {
        JsonNode value;
        try {
            value = Json.MAPPER.readTree(cell);
        } catch (JacksonException e) {
            value = null;
        }
        boolean ok = value != null && (list ? value.isArray() : value.isObject());
        if (!ok) {
            String expected = list
                    ? "expected a JSON array of strings in the cell, e.g. " + LIST_EXAMPLE
                    : "expected a JSON object in the cell, e.g. " + OBJECT_EXAMPLE;
            throw Invalid.input(where + ": field " + SampleMapper.label(column, field) + ": " + expected);
        }
        return value;
    }

    /** The first physical line of a record; the parser's position may sit before skipped blank lines. */
    private int startLine(CSVRecord record) {
        int offset = (int) record.getCharacterPosition();
        while (offset < text.length() && (text.charAt(offset) == '\n' || text.charAt(offset) == '\r')) {
            offset++;
        }
        return lines.lineAt(offset);
    }

    private RuntimeException notCsv(Throwable cause, CSVParser parser) {
        String message = cause == null ? "unreadable" : String.valueOf(cause.getMessage());
        long line = parser.getCurrentLineNumber() + 1;
        Matcher matcher = CSV_LINE.matcher(message);
        if (matcher.find()) {
            line = Long.parseLong(matcher.group(1));
            message = message.substring(0, matcher.start());
        }
        Matcher start = START_LINE.matcher(message);
        if (start.find()) {
            line = Long.parseLong(start.group(1));
            message = message.substring(start.end());
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return Invalid.input(file + ":" + line + ": not valid CSV: " + message.strip());
    }
}
