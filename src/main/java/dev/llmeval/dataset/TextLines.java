package dev.llmeval.dataset;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a text on {@code \n} only, as {@code text.split("\n", -1)} would, a line at a time: a
 * {@code \r} before the newline stays in the line, and the text after the last newline (possibly
 * empty) is the last line.
 */
final class TextLines {

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int length;
    private boolean end;
    private boolean done;

    TextLines(Reader in) {
        this.in = in;
    }

    /** The next line without its newline, or {@code null} after the last. */
    String next() throws IOException {
        if (done) {
            return null;
        }
        StringBuilder longLine = null;
        while (true) {
            for (int i = position; i < length; i++) {
                if (buffer[i] == '\n') {
                    String line = longLine == null ? new String(buffer, position, i - position)
                            : longLine.append(buffer, position, i - position).toString();
                    position = i + 1;
                    return line;
                }
            }
            if (end) {
                done = true;
                return longLine == null ? new String(buffer, position, length - position)
                        : longLine.append(buffer, position, length - position).toString();
            }
            if (position < length) {
                if (longLine == null) {
                    longLine = new StringBuilder();
                }
                longLine.append(buffer, position, length - position);
            }
            position = 0;
            length = in.read(buffer);
            if (length < 0) {
                length = 0;
                end = true;
            }
        }
    }
}
