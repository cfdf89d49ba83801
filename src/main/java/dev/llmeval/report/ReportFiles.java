package dev.llmeval.report;

import dev.llmeval.Utf16;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a report file as UTF-8, creating its parent folders. The text goes to a temporary file in
 * the same folder ({@code .report.json.<random>.tmp}), which is then renamed over the report: a
 * reader, or another run writing the same file, only ever sees a whole report, the old one or the
 * new one; a write that fails half-way leaves the old one and no temporary file.
 */
final class ReportFiles {

    /** Writes a report's text to a buffered writer that the caller does not close. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReportFiles() {}

    static void write(Path file, String text) {
        write(file, out -> out.write(text));
    }

    static void write(Path file, Content content) {
        Path temp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // not Files.createTempFile, whose owner-only permissions the report would keep
            temp = parent.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try (Writer out = Utf16.writer(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: it never has a report's name
                }
            }
        }
    }
}
