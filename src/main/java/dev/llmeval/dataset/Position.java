package dev.llmeval.dataset;

import java.nio.file.Path;

/** Where a sample starts: its physical line and its 1-based number among the samples. */
record Position(int line, int number, String label) {

    static Position of(DatasetFormat format, int line, int number) {
        return switch (format) {
            case JSONL -> new Position(line, number, "");
            case JSON -> new Position(line, number, " (sample " + number + ")");
            case CSV -> new Position(line, number, " (row " + number + ")");
        };
    }

    /** The message prefix without the trailing colon, e.g. {@code gold.csv:12 (row 3)}. */
    String prefix(Path file) {
        return file + ":" + line + label;
    }
}
