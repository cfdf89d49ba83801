package dev.llmeval.report;

import dev.llmeval.Utf16;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;

/**
 * The samples of a run on disk, so the run holds no sample's results in memory: {@link #append}
 * writes each finished sample as one line of JSON to a temporary file, and every iteration reads
 * them back one line at a time, in the order they were appended. {@link #close} deletes the file.
 * Appending is for one thread; iterate only after the last append.
 */
public final class SampleFile implements Iterable<SampleReport>, AutoCloseable {

    private final Path file;
    private BufferedWriter writer;
    private int size;
    private boolean closed;

    private SampleFile(Path file) throws IOException {
        this.file = file;
        this.writer = Utf16.writer(file);
    }

    /**
     * Creates an empty temporary file.
     *
     * @param dir where to put it; {@code null} for the system's temporary folder
     * @throws UncheckedIOException when the file cannot be created
     */
    public static SampleFile create(Path dir) {
        Path file = null;
        try {
            file = dir == null ? Files.createTempFile("llmeval-samples-", ".jsonl")
                    : Files.createTempFile(dir, ".llmeval-samples-", ".jsonl");
            return new SampleFile(file);
        } catch (IOException e) {
            if (file != null) {
                deleteQuietly(file);
            }
            throw new UncheckedIOException("cannot create a temporary file for the samples: " + e.getMessage(), e);
        }
    }

    /** Writes one finished sample after the others. */
    public void append(SampleReport sample) {
        ensureOpen();
        try {
            if (writer == null) {
                writer = Utf16.writer(file, StandardOpenOption.APPEND);
            }
            writer.write(SampleLines.write(sample));
            writer.write('\n');
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** How many samples were appended. */
    public int size() {
        return size;
    }

    /** The temporary file; gone after {@link #close}. */
    public Path path() {
        return file;
    }

    /**
     * The samples in the order they were appended, read lazily; an iterator closes its reader
     * when it reaches the end.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    @Override
    public Iterator<SampleReport> iterator() {
        ensureOpen();
        try {
            if (writer != null) {
                writer.close();
                writer = null;
            }
            return new Lines(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the file; harmless when called again. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        } catch (IOException e) {
            // the file is deleted anyway
        }
        deleteQuietly(file);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the sample file is closed (deleted)");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    /** The file's lines as samples; closes the reader at the end. */
    private final class Lines extends Lookahead<SampleReport> {

        private BufferedReader reader;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        SampleReport read() {
            if (reader == null) {
                return null;
            }
            try {
                String line = reader.readLine();
                if (line == null) {
                    reader.close();
                    reader = null;
                    return null;
                }
                return SampleLines.read(line);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
