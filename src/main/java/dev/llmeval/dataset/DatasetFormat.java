package dev.llmeval.dataset;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats a golden set can have. */
public enum DatasetFormat {
    JSONL,
    JSON,
    CSV;

    /** Tells the format from the file extension: .jsonl/.ndjson, .json or .csv, in any case. */
    public static DatasetFormat fromPath(Path p) {
        Path fileName = p.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        throw new LlmevalException(
                ExitStatus.INVALID_INPUT,
                p + ": cannot tell the format from the extension; use --dataset-format jsonl|json|csv");
    }

    /**
     * Parses a {@code --csv-delimiter} value: one character ({@code ,}, {@code ;}, {@code |}), or
     * {@code tab} (also {@code \t}); null stays null (tell it from the header).
     *
     * @throws LlmevalException USAGE for anything else
     */
    public static Character csvDelimiter(String value) {
        if (value == null) {
            return null;
        }
        String key = value.toLowerCase(Locale.ROOT);
        if (key.equals("tab") || key.equals("\\t") || key.equals("\t")) {
            return '\t';
        }
        if (value.length() != 1 || "\"\r\n".contains(value) || Character.isLetterOrDigit(value.charAt(0))) {
            throw new LlmevalException(ExitStatus.USAGE, "--csv-delimiter '" + value
                    + "': expected one character such as , or ; or |, or tab");
        }
        return value.charAt(0);
    }

    /**
     * Tells the format from the content, for a golden set without a file name (standard input): a
     * leading {@code [} is JSON; a leading {@code {} is JSON Lines when the first line holds a
     * whole JSON object, else JSON; anything else is CSV.
     */
    static DatasetFormat sniff(Path data) {
        char[] head = new char[64 * 1024];
        int length;
        try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            length = Math.max(0, reader.read(head));
        } catch (IOException e) {
            return JSONL; // unreadable as UTF-8: the reader's own check names the problem
        }
        String text = new String(head, 0, length).replace("\uFEFF", "").stripLeading();
        if (text.startsWith("[")) {
            return JSON;
        }
        if (text.startsWith("{")) {
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            try {
                return Json.MAPPER.readTree(first).isObject() ? JSONL : JSON;
            } catch (JacksonException e) {
                return JSON;
            }
        }
        return text.isEmpty() ? JSONL : CSV;
    }

    /** Parses a --dataset-format value: jsonl, json or csv, in any case. */
    public static DatasetFormat parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "jsonl" -> JSONL;
            case "json" -> JSON;
            case "csv" -> CSV;
            default -> throw new LlmevalException(
                    ExitStatus.INVALID_INPUT,
                    "unknown dataset format '" + name + "'; accepted: jsonl, json, csv");
        };
    }
}
