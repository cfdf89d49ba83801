package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes report.json: pretty-printed UTF-8 with snake_case keys (see docs/report-format.md). The
 * samples are written one at a time as they are read, never all held at once.
 */
public final class JsonReport {

    private JsonReport() {}

    public static String toJson(RunReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code out}, which stays open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(RunReport report, Writer out) throws IOException {
        try {
            Json.PRETTY.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
        out.write('\n');
    }

    /**
     * Writes the report to {@code file}, creating parent folders.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(RunReport report, Path file) {
        ReportFiles.write(file, out -> write(report, out));
    }
}
