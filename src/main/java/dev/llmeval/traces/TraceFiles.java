package dev.llmeval.traces;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads export files: a file, or every {@code .json}, {@code .jsonl}, {@code .ndjson} and {@code
 * .csv} file of a folder (sorted by name). Error messages name the file and line, never the
 * content: a trace export holds personal data.
 */
final class TraceFiles {

    private TraceFiles() {}

    /** The files to read for {@code input}. */
    static List<Path> files(Path input) {
        if (Files.isDirectory(input)) {
            try (Stream<Path> list = Files.list(input)) {
                List<Path> files = list.filter(Files::isRegularFile).filter(TraceFiles::known).sorted().toList();
                if (files.isEmpty()) {
                    throw invalid(input + ": no .json, .jsonl, .ndjson or .csv files in the folder");
                }
                return files;
            } catch (IOException e) {
                throw invalid(input + ": cannot list the folder: " + e.getClass().getSimpleName());
            }
        }
        if (!Files.exists(input)) {
            throw invalid(input + ": no such file or folder");
        }
        return List.of(input);
    }

    private static boolean known(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".csv");
    }

    /** Every top-level JSON value of a file: one per line in JSON Lines, or one document. */
    static void values(Path file, Consumer<JsonNode> each) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(reader)) {
            while (hasNext(values, file)) {
                JsonNode value;
                try {
                    value = values.nextValue();
                } catch (JsonProcessingException e) {
                    throw invalid(file + where(e.getLocation()) + ": not valid JSON");
                }
                each.accept(value);
            }
        } catch (NoSuchFileException e) {
            throw invalid(file + ": no such file");
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getClass().getSimpleName());
        }
    }

    private static boolean hasNext(MappingIterator<JsonNode> values, Path file) {
        try {
            return values.hasNextValue();
        } catch (JsonProcessingException e) {
            throw invalid(file + where(e.getLocation()) + ": not valid JSON");
        } catch (IOException e) {
            throw invalid(file + ": cannot read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The records of a Langfuse or LangSmith export: a JSON array, an object with a {@code data}
     * (API page) or {@code runs} array, one object per line, or CSV rows (cells holding JSON are
     * parsed).
     */
    static void records(Path file, Consumer<JsonNode> each) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            csv(file, each);
            return;
        }
        values(file, value -> {
            if (value.isArray()) {
                value.forEach(each);
            } else if (value.isObject() && value.path("data").isArray()) {
                value.get("data").forEach(each);
            } else if (value.isObject() && value.path("runs").isArray()) {
                value.get("runs").forEach(each);
            } else if (value.isObject()) {
                each.accept(value);
            } else {
                throw invalid(file + ": expected JSON objects (records), an array of them, or {\"data\": [...]}");
            }
        });
    }

    private static void csv(Path file, Consumer<JsonNode> each) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = new ArrayList<>(parser.getHeaderNames());
            for (CSVRecord row : parser) {
                ObjectNode node = Json.MAPPER.createObjectNode();
                for (int i = 0; i < header.size() && i < row.size(); i++) {
                    String cell = row.get(i);
                    if (cell == null || cell.isEmpty()) {
                        continue;
                    }
                    JsonNode parsed = Json.parseIfJson(cell);
                    node.set(header.get(i), parsed != null ? parsed : node.textNode(cell));
                }
                each.accept(node);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw invalid(file + ": not valid CSV (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + " (column " + at.getColumnNr() + ")";
    }

    static LlmevalException invalid(String message) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, message);
    }
}
