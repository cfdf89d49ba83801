package dev.llmeval.dataset;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
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
