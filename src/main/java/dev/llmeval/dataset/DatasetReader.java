package dev.llmeval.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Reads and validates a golden set; every problem is one INVALID_INPUT line naming the spot. */
public final class DatasetReader {

    private DatasetReader() {
    }

    /**
     * Reads the golden set at {@code path}.
     *
     * @param formatOrNull the format, or {@code null} to tell it from the extension
     * @param columnMap RAGAS field name to the user's column name, e.g. user_input to query
     */
    public static Dataset read(Path path, DatasetFormat formatOrNull, Map<String, String> columnMap) {
        DatasetFormat format = formatOrNull == null ? DatasetFormat.fromPath(path) : formatOrNull;
        byte[] bytes = readBytes(path);
        String text = Utf8Text.decode(path, bytes);
        if (text.isBlank()) {
            throw noSamples(path);
        }
        SampleMapper mapper = new SampleMapper(path, columnMap == null ? Map.of() : columnMap);
        List<GoldenSample> samples = switch (format) {
            case JSONL -> JsonlSamples.read(path, text, mapper);
            case JSON -> JsonSamples.read(path, text, mapper);
            case CSV -> CsvSamples.read(path, text, mapper);
        };
        if (samples.isEmpty()) {
            throw noSamples(path);
        }
        checkUniqueIds(path, format, samples);
        return new Dataset(path, sha256(bytes), format, samples);
    }

    private static byte[] readBytes(Path path) {
        if (!Files.exists(path)) {
            throw Invalid.input(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw Invalid.input(path + ": is a directory, not a file");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw Invalid.input(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw Invalid.input(path + ": cannot read the file (permission denied)");
        } catch (IOException e) {
            throw Invalid.input(path + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    private static void checkUniqueIds(Path path, DatasetFormat format, List<GoldenSample> samples) {
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            GoldenSample sample = samples.get(i);
            Integer first = firstLine.putIfAbsent(sample.id(), sample.line());
            if (first != null) {
                throw Invalid.input(Position.of(format, sample.line(), i + 1).prefix(path)
                        + ": duplicate id '" + sample.id() + "' (first used at line " + first + ")");
            }
        }
    }

    private static RuntimeException noSamples(Path path) {
        return Invalid.input(path + ": no samples");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
