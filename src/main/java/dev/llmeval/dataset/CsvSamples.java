package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.io.Reader;
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
 * column a JSON object; an empty cell is an absent field. Parses a record at a time.
 */
final class CsvSamples implements SampleSource {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    private static final Pattern CSV_LINE = Pattern.compile("\\s*at line:? *(\\d+).*", Pattern.DOTALL);
    private static final Pattern START_LINE = Pattern.compile("^\\(startline (\\d+)\\)\\s*");
    private static final String LIST_EXAMPLE = "[\"first chunk\", \"second chunk\"]";
    private static final String OBJECT_EXAMPLE = "{\"topic\": \"billing\"}";

    private final DatasetFile file;
    private final ContentLines lines;
    private final SampleMapper mapper;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    private int rows;

    CsvSamples(DatasetFile file, Reader text, SampleMapper mapper) {
        this.file = file;
        this.lines = new ContentLines(text);
        this.mapper = mapper;
    }

    @Override
    public GoldenSample next() {
        try {
            if (parser == null) {
                parser = CSVParser.parse(lines, FORMAT);
                records = parser.iterator();
            }
            if (header == null) {
                if (!records.hasNext()) {
                    return null;
                }
                header = header(records.next());
            }
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            Position position = Position.of(DatasetFormat.CSV, startLine(record), rows + 1);
            rows++;
            return mapper.map(toObject(record, position), position);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw file.unreadable(coding);
            }
            throw notCsv(e.getCause());
        } catch (IOException e) {
            throw Invalid.input(file.path() + ": not valid CSV: " + e.getMessage());
        }
    }

    private List<String> header(CSVRecord record) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int line = startLine(record);
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (name.isEmpty()) {
                throw Invalid.input(file.path() + ":" + line + ": header column " + (i + 1) + " has no name");
            }
            if (!seen.add(name)) {
                throw Invalid.input(file.path() + ":" + line + ": column '" + name + "' appears twice in the header");
            }
            header.add(name);
        }
        return header;
    }

    private ObjectNode toObject(CSVRecord record, Position position) {
        String where = position.prefix(file.path());
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
            String tooLong = Json.tooLong(e);
            if (tooLong != null) {
                throw Invalid.input(where + ": field " + SampleMapper.label(column, field) + ": " + tooLong);
            }
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
        return lines.lineFrom(record.getCharacterPosition());
    }

    private RuntimeException notCsv(Throwable cause) {
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
        return Invalid.input(file.path() + ":" + line + ": not valid CSV: " + message.strip());
    }
}
