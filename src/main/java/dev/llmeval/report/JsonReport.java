package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes report.json: pretty-printed UTF-8 with snake_case keys (see docs/report-format.md). */
public final class JsonReport {

    private JsonReport() {}

    public static String toJson(RunReport report) {
        try {
            return Json.PRETTY.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the report to {@code file}, creating parent folders.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(RunReport report, Path file) {
        ReportFiles.write(file, toJson(report));
    }
}
