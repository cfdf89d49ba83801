package dev.llmeval.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Strict UTF-8 that names the line and column of the first bad byte, read a window at a time. */
final class Utf8Text {

    private static final char BOM = '\uFEFF';
    private static final int WINDOW = 64 * 1024;

    private Utf8Text() {
    }

    /**
     * Decodes the whole stream as strict UTF-8 through a small window (the text is never held)
     * and tells whether it holds anything besides whitespace and a leading byte order mark.
     *
     * @throws dev.llmeval.LlmevalException INVALID_INPUT naming the line, column and value of the
     *     first byte that is not UTF-8
     */
    static boolean hasContent(Path file, InputStream stream) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.allocate(WINDOW);
        CharBuffer out = CharBuffer.allocate(WINDOW);
        Lines lines = new Lines();
        boolean content = false;
        boolean first = true;
        boolean end = false;
        while (!end) {
            int read = stream.read(in.array(), in.position(), in.remaining());
            if (read < 0) {
                end = true;
            } else {
                in.position(in.position() + read);
            }
            in.flip();
            CoderResult result;
            do {
                result = decoder.decode(in, out, end);
                out.flip();
                if (first && out.hasRemaining()) {
                    first = false;
                    if (out.get(out.position()) == BOM) {
                        out.get();
                    }
                }
                content = content || hasContent(out);
                out.clear();
            } while (result.isOverflow());
            if (result.isError()) {
                throw lines.badByte(file, in, in.position());
            }
            lines.consume(in);
            in.compact();
        }
        if (decoder.flush(out).isError()) {
            throw lines.badByte(file, in, 0);
        }
        out.flip();
        return content || hasContent(out);
    }

    /** A reader of strict UTF-8 that drops a leading byte order mark. */
    static Reader reader(InputStream stream) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, strictDecoder()), WINDOW);
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean hasContent(CharBuffer chars) {
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (!Character.isWhitespace(chars.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Where the window starts in the file: its line and the offset of that line's first byte. */
    private static final class Lines {
        private long base;
        private int line = 1;
        private long lineStart;

        /** Counts the newlines of the window's consumed bytes; the window then moves past them. */
        void consume(ByteBuffer window) {
            count(window, window.position());
            base += window.position();
        }

        /** A newline byte is never part of a longer UTF-8 sequence, so bytes can be counted undecoded. */
        private void count(ByteBuffer window, int end) {
            for (int i = 0; i < end; i++) {
                if (window.get(i) == '\n') {
                    line++;
                    lineStart = base + i + 1;
                }
            }
        }

        RuntimeException badByte(Path file, ByteBuffer window, int at) {
            count(window, at);
            return Invalid.input(String.format(
                    "%s:%d: not valid UTF-8 (byte 0x%02X at column %d)",
                    file, line, window.get(at) & 0xFF, base + at - lineStart + 1));
        }
    }
}
