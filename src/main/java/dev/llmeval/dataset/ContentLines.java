package dev.llmeval.dataset;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Passes a text through and notes where each line with content starts, so that a parser's
 * character position can be turned into the line of the first character at or after it that is
 * not a line break (lines are counted by {@code \n}). Positions are asked in increasing order and
 * what lies before the last one asked is forgotten, so only the parser's read-ahead is held.
 */
final class ContentLines extends FilterReader {

    private final ArrayDeque<long[]> starts = new ArrayDeque<>();
    private long offset;
    private int line = 1;
    private boolean afterBreak = true;

    ContentLines(Reader in) {
        this(in, 1);
    }

    /** @param firstLine the number of the text's first line, when lines before it were read apart */
    ContentLines(Reader in, int firstLine) {
        super(in);
        this.line = firstLine;
    }

    /** The line of the first character at or after {@code position} that is not {@code \r} or {@code \n}. */
    int lineFrom(long position) {
        while (!starts.isEmpty() && starts.peekFirst()[0] < position) {
            starts.removeFirst();
        }
        return starts.isEmpty() ? line : (int) starts.peekFirst()[1];
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            note((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int from, int length) throws IOException {
        int read = super.read(buffer, from, length);
        for (int i = 0; i < read; i++) {
            note(buffer[from + i]);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void note(char c) {
        if (c == '\n') {
            line++;
            afterBreak = true;
        } else if (c == '\r') {
            afterBreak = true;
        } else {
            if (afterBreak) {
                starts.addLast(new long[] {offset, line});
            }
            afterBreak = false;
        }
        offset++;
    }
}
