package dev.llmeval.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.io.PushbackReader;
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
 * Reads RFC 4180 CSV with a header row, delimited by commas, semicolons or tabs. List columns hold
 * a JSON array, a Python list or plain text (one item); the metadata column a JSON object or a
 * Python dict; an empty cell is an absent field. Parses a record at a time.
 */
final class CsvSamples implements SampleSource {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;
    /** How much of the file's start is read to find the header's delimiter. */
    private static final int SNIFF_LIMIT = 64 * 1024;
    private static final Pattern SEP_LINE = Pattern.compile("sep=(.)\\r?\\n?");
    private static final Pattern CSV_LINE = Pattern.compile("\\s*at line:? *(\\d+).*", Pattern.DOTALL);
    private static final Pattern START_LINE = Pattern.compile("^\\(startline (\\d+)\\)\\s*");
    private static final String LIST_EXAMPLE = "[\"first chunk\", \"second chunk\"]";
    private static final String PYTHON_LIST_EXAMPLE = "['first chunk', 'second chunk']";
    private static final String OBJECT_EXAMPLE = "{\"topic\": \"billing\"}";

    private final DatasetFile file;
    private final Reader text;
    private final SampleMapper mapper;
    private final Character delimiter;
    private ContentLines lines;
    /** Lines read before the parser started (an Excel {@code sep=} line). */
    private int lineOffset;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<String> header;
    private int rows;

    /** @param delimiter the cell delimiter, or null to tell it from the header (comma, semicolon or tab) */
    CsvSamples(DatasetFile file, Reader text, SampleMapper mapper, Character delimiter) {
        this.file = file;
        this.text = text;
        this.mapper = mapper;
        this.delimiter = delimiter;
    }

    /**
     * Starts the parser with the delimiter given, else the one of an Excel {@code sep=;} first
     * line, else the one of comma, semicolon and tab that the header line holds most often outside
     * quotes (comma on a tie or when it holds none).
     */
    private void open() throws IOException {
        PushbackReader reader = new PushbackReader(text, SNIFF_LIMIT);
        char[] head = new char[SNIFF_LIMIT];
        int length = 0;
        boolean quoted = false;
        boolean content = false;
        int[] counts = new int[3];
        for (int c; length < SNIFF_LIMIT && (c = reader.read()) >= 0; ) {
            head[length++] = (char) c;
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (content) {
                    int next = c == '\r' ? reader.read() : -1;
                    if (next == '\n') {
                        head[length++] = '\n';
                    } else if (next >= 0) {
                        reader.unread(next);
                    }
                    break;
                }
            } else if (!quoted) {
                content |= !Character.isWhitespace(c);
                int which = ",;\t".indexOf(c);
                if (which >= 0) {
                    counts[which]++;
                }
            }
        }
        String first = new String(head, 0, length);
        Matcher sep = SEP_LINE.matcher(first);
        char chosen;
        int startLine = 1;
        if (sep.matches() && delimiter == null) {
            chosen = sep.group(1).charAt(0);
            startLine = 2;
            length = 0;
        } else {
            chosen = delimiter != null ? delimiter
                    : counts[1] > counts[0] && counts[1] >= counts[2] ? ';'
                    : counts[2] > counts[0] && counts[2] > counts[1] ? '\t' : ',';
        }
        reader.unread(head, 0, length);
        lines = new ContentLines(reader, startLine);
        lineOffset = startLine - 1;
        parser = CSVParser.parse(lines, FORMAT.builder().setDelimiter(chosen).get());
        records = parser.iterator();
    }

    @Override
    public GoldenSample next() {
        try {
            if (parser == null) {
                open();
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
        } catch (CharacterCodingException e) {
            throw file.unreadable(e);
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
        mapper.checkHeader(header, file.path() + ":" + line);
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

    /**
     * A list cell: a JSON array, a Python list as pandas writes it ({@code ['a', 'b']}, also a
     * NumPy array's {@code ['a' 'b']}), or, when it does not start with {@code [}, plain text
     * that is one item. A metadata cell: a JSON object or a Python dict.
     */
    private static JsonNode jsonCell(String cell, boolean list, String where, String column, String field) {
        String text = cell.strip();
        if (list && !text.startsWith("[")) {
            return Json.MAPPER.createArrayNode().add(cell);
        }
        JsonNode value;
        String problem = null;
        try {
            value = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            String tooLong = Json.tooLong(e);
            if (tooLong != null) {
                throw Invalid.input(where + ": field " + SampleMapper.label(column, field) + ": " + tooLong);
            }
            value = null;
        }
        if (value == null || !(list ? value.isArray() : value.isObject())) {
            try {
                value = PythonLiteral.parse(text);
            } catch (IllegalArgumentException e) {
                value = null;
                problem = e.getMessage();
            }
        }
        boolean ok = value != null && (list ? value.isArray() : value.isObject());
        if (!ok) {
            String expected = list
                    ? "expected a list in the cell: a JSON array " + LIST_EXAMPLE + ", a Python list "
                            + PYTHON_LIST_EXAMPLE + ", or plain text not starting with '[' for one item"
                    : "expected a JSON object in the cell, e.g. " + OBJECT_EXAMPLE + ", or a Python dict";
            throw Invalid.input(where + ": field " + SampleMapper.label(column, field) + ": " + expected
                    + (problem == null ? "" : " (read as Python: " + problem + ")"));
        }
        return value;
    }

    /** The first physical line of a record; the parser's position may sit before skipped blank lines. */
    private int startLine(CSVRecord record) {
        return lines.lineFrom(record.getCharacterPosition());
    }

    private RuntimeException notCsv(Throwable cause) {
        String message = cause == null ? "unreadable" : String.valueOf(cause.getMessage());
        long line = parser.getCurrentLineNumber() + 1 + lineOffset;
        Matcher matcher = CSV_LINE.matcher(message);
        if (matcher.find()) {
            line = Long.parseLong(matcher.group(1)) + lineOffset;
            message = message.substring(0, matcher.start());
        }
        Matcher start = START_LINE.matcher(message);
        if (start.find()) {
            line = Long.parseLong(start.group(1)) + lineOffset;
            message = message.substring(start.end());
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return Invalid.input(file.path() + ":" + line + ": not valid CSV: " + message.strip());
    }
}
