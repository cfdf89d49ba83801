package dev.llmeval.report;

import dev.llmeval.Utf16;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report file as UTF-8, creating its parent folders. */
final class ReportFiles {

    /** Writes a report's text to a buffered writer that the caller does not close. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private ReportFiles() {}

    static void write(Path file, String text) {
        write(file, out -> out.write(text));
    }

    static void write(Path file, Content content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Utf16.writer(file)) {
                content.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
