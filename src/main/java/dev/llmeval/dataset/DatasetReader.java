package dev.llmeval.dataset;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads and validates a golden set; every problem is one INVALID_INPUT line naming the spot. The
 * file is read as a stream, a sample at a time: the whole text is never held.
 */
public final class DatasetReader {

    /** How messages and the report name a golden set read from standard input. */
    static final Path STDIN = Path.of("stdin");

    private DatasetReader() {
    }

    /**
     * Reads the golden set at {@code path}.
     *
     * @param formatOrNull the format, or {@code null} to tell it from the extension
     * @param columnMap RAGAS field name to the user's column name, e.g. user_input to query
     */
    public static Dataset read(Path path, DatasetFormat formatOrNull, Map<String, String> columnMap) {
        return read(path, formatOrNull, columnMap, sample -> { });
    }

    /**
     * Reads the golden set at {@code path} and hands each sample to {@code each} as it is read, so
     * that a caller can note what it needs of every sample without holding them. Until this method
     * returns, a later sample may still turn out invalid.
     */
    public static Dataset read(Path path, DatasetFormat formatOrNull, Map<String, String> columnMap,
            Consumer<GoldenSample> each) {
        return read(path, formatOrNull, columnMap, null, each);
    }

    /**
     * As {@link #read(Path, DatasetFormat, Map, Consumer)}, with a CSV file's delimiter.
     *
     * @param csvDelimiter the delimiter of a CSV file, or null to tell it from the header (comma,
     *     semicolon or tab; see {@link DatasetFormat#csvDelimiter(String)})
     */
    public static Dataset read(Path path, DatasetFormat formatOrNull, Map<String, String> columnMap,
            Character csvDelimiter, Consumer<GoldenSample> each) {
        DatasetFormat format = formatOrNull == null ? DatasetFormat.fromPath(path) : formatOrNull;
        return read(DatasetFile.check(path), format, columnMap, csvDelimiter, each);
    }

    /**
     * Reads a golden set from standard input ({@code --dataset -}): copied once to a temporary file
     * and named {@code stdin} in messages; without a format, it is told from the content (see
     * {@link DatasetFormat#sniff}).
     */
    public static Dataset readStdin(InputStream in, DatasetFormat formatOrNull, Map<String, String> columnMap,
            Character csvDelimiter, Consumer<GoldenSample> each) {
        DatasetFile file = DatasetFile.copy(STDIN, in);
        DatasetFormat format = formatOrNull == null ? DatasetFormat.sniff(file.data()) : formatOrNull;
        return read(file, format, columnMap, csvDelimiter, each);
    }

    private static Dataset read(DatasetFile file, DatasetFormat format, Map<String, String> columnMap,
            Character csvDelimiter, Consumer<GoldenSample> each) {
        Path path = file.path();
        if (!file.hasContent()) {
            throw noSamples(path);
        }
        Map<String, String> columns = columnMap == null ? Map.of() : columnMap;
        int[] lines = new int[64];
        int count = 0;
        Map<String, Integer> firstIndex = new HashMap<>();
        String duplicate = null;
        SampleMapper mapper = new SampleMapper(path, columns);
        try (DatasetFile.Reading reading = file.open()) {
            SampleSource source = SampleSource.of(format, file, reading.text(), mapper, csvDelimiter);
            for (GoldenSample sample = source.next(); sample != null; sample = source.next()) {
                if (count == lines.length) {
                    lines = Arrays.copyOf(lines, count * 2);
                }
                Integer first = firstIndex.putIfAbsent(sample.id(), count);
                if (first != null && duplicate == null) {
                    duplicate = Position.of(format, sample.line(), count + 1).prefix(path)
                            + ": duplicate id '" + sample.id() + "' (first used at " + where(format, lines[first], first)
                            + ")";
                }
                lines[count++] = sample.line();
                each.accept(sample);
            }
            reading.verifyUnchanged();
        }
        if (count == 0) {
            throw noSamples(path);
        }
        if (duplicate != null) {
            throw Invalid.input(duplicate);
        }
        columns.forEach((field, column) -> {
            if (!mapper.sawMappedColumn(column)) {
                throw Invalid.input(path + ": --column-map " + field + "=" + column + ": "
                        + (format == DatasetFormat.CSV
                                ? "the header has no column '" + column + "' (columns: "
                                        + String.join(", ", mapper.header()) + ")"
                                : "no sample has a field '" + column + "'"));
            }
        });
        return new Dataset(file, format, columns, csvDelimiter, Arrays.copyOf(lines, count), mapper.extraFields());
    }

    /** {@code line 4}; in a JSON or CSV file, where several samples may share a line, also the sample or row. */
    private static String where(DatasetFormat format, int line, int index) {
        return switch (format) {
            case JSONL -> "line " + line;
            case JSON -> "line " + line + ", sample " + (index + 1);
            case CSV -> "line " + line + ", row " + (index + 1);
        };
    }

    private static RuntimeException noSamples(Path path) {
        return Invalid.input(path + ": no samples");
    }
}
