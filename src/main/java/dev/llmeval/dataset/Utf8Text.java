package dev.llmeval.dataset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Strict UTF-8 decoding that names the line and column of the first bad byte. */
final class Utf8Text {

    private static final char BOM = '\uFEFF';
    private static final int WINDOW = 8192;

    private Utf8Text() {
    }

    /**
     * Decodes {@code bytes} as UTF-8, dropping a leading byte order mark. The bytes are checked
     * through a small window first, so no second full-size buffer is held besides the result.
     */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer window = CharBuffer.allocate(WINDOW);
        while (true) {
            CoderResult result = decoder.decode(in, window, true);
            if (result.isError()) {
                throw badByte(file, bytes, in.position());
            }
            window.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        if (decoder.flush(window).isError()) {
            throw badByte(file, bytes, in.position());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static RuntimeException badByte(Path file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        return Invalid.input(String.format(
                "%s:%d: not valid UTF-8 (byte 0x%02X at column %d)",
                file, line, bytes[offset] & 0xFF, column));
    }
}
