package dev.llmeval.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A golden-set file that is read more than once (validated, then streamed to the scorer): its
 * SHA-256, size and modification time from the first read, so that a later read of a changed file
 * fails instead of scoring other samples than those validated.
 *
 * @param path the path as given, for messages
 * @param data what is read: {@code path}, or a temporary copy when {@code path} is not a regular
 *     file (a pipe such as {@code /dev/stdin} or {@code <(...)}), which can be read only once
 */
record DatasetFile(Path path, Path data, String sha256, boolean hasContent, long size, FileTime modified) {

    private static final int BUFFER = 64 * 1024;

    /** Reads the file once: checks that it is UTF-8, hashes it and tells whether it has content. */
    static DatasetFile check(Path path) {
        if (!Files.exists(path)) {
            throw Invalid.input(path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw Invalid.input(path + ": is a directory, not a file");
        }
        try {
            return checked(path, Files.isRegularFile(path) ? path : copyOnce(path));
        } catch (NoSuchFileException e) {
            throw Invalid.input(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw Invalid.input(path + ": cannot read the file (permission denied)");
        } catch (IOException e) {
            throw Invalid.input(path + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** A copy of what a pipe holds, in a temporary file deleted when the JVM exits. */
    private static Path copyOnce(Path pipe) throws IOException {
        try (InputStream in = Files.newInputStream(pipe)) {
            return copyOnce(in);
        }
    }

    private static Path copyOnce(InputStream in) throws IOException {
        Path copy = Files.createTempFile("llmeval-golden-set-", ".tmp");
        copy.toFile().deleteOnExit();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** A golden set read from a stream (standard input), copied once; {@code name} is how messages call it. */
    static DatasetFile copy(Path name, InputStream in) {
        try {
            Path data = copyOnce(in);
            return checked(name, data);
        } catch (IOException e) {
            throw Invalid.input(name + ": cannot read standard input (" + e.getMessage() + ")");
        }
    }

    /** Checks that {@code data} is UTF-8, hashes it and tells whether it has content. */
    private static DatasetFile checked(Path path, Path data) throws IOException {
        long size = Files.size(data);
        FileTime modified = Files.getLastModifiedTime(data);
        MessageDigest digest = newDigest();
        boolean content;
        try (InputStream in = new DigestInputStream(Files.newInputStream(data), digest)) {
            content = Utf8Text.hasContent(path, in);
        }
        return new DatasetFile(path, data, HexFormat.of().formatHex(digest.digest()), content, size, modified);
    }

    /** Opens the file again as text, after checking that its size and modification time are unchanged. */
    Reading open() {
        try {
            if (Files.size(data) != size || !Files.getLastModifiedTime(data).equals(modified)) {
                throw changed();
            }
            DigestInputStream bytes = new DigestInputStream(Files.newInputStream(data), newDigest());
            return new Reading(bytes, Utf8Text.reader(bytes));
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** What a failed read of an already checked file means. */
    RuntimeException unreadable(IOException e) {
        if (e instanceof CharacterCodingException || e instanceof NoSuchFileException) {
            return changed();
        }
        return Invalid.input(path + ": cannot read the file (" + e.getMessage() + ")", e);
    }

    /**
     * What a failure of a later pass means: once the file has passed validation, a sample that no
     * longer parses or checks can only come from a changed file; a failed read stays what it is.
     */
    RuntimeException changedUnlessUnreadable(RuntimeException failure) {
        return failure.getCause() instanceof IOException ? failure : changed();
    }

    RuntimeException changed() {
        return Invalid.input(path + ": the file changed while llmeval was reading it; run again");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** One pass over the file: the text, and the hash of the bytes read so far. */
    final class Reading implements AutoCloseable {
        private final DigestInputStream bytes;
        private final Reader text;

        private Reading(DigestInputStream bytes, Reader text) {
            this.bytes = bytes;
            this.text = text;
        }

        Reader text() {
            return text;
        }

        /** Reads what the parser left and fails if the bytes differ from those first checked. */
        void verifyUnchanged() {
            try {
                byte[] rest = new byte[BUFFER];
                while (bytes.read(rest) >= 0) {
                    // hashed as it is read
                }
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (!HexFormat.of().formatHex(bytes.getMessageDigest().digest()).equals(sha256)) {
                throw changed();
            }
        }

        @Override
        public void close() {
            try {
                text.close();
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }
}
