package dev.llmeval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * Unpaired UTF-16 surrogates: valid in a JSON string ({@code "\ud800"}, or an emoji cut in half),
 * but not text, and no UTF-8 encoder takes them. Text read from a golden set or a target is
 * repaired with {@link #repair}; every file llmeval writes goes through {@link #writer} or {@link
 * #utf8}, which write U+FFFD for any that is left, so no writer can fail on one.
 */
public final class Utf16 {

    /** The replacement character, U+FFFD. */
    public static final char REPLACEMENT = '\uFFFD';

    private static final byte[] REPLACEMENT_UTF8 = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf16() {}

    /** Whether {@code text} holds a surrogate that is not part of a high-low pair. */
    public static boolean hasUnpaired(CharSequence text) {
        return text != null && firstUnpaired(text) >= 0;
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD; the same instance when there is none. */
    public static String repair(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnpaired(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }

    private static int firstUnpaired(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** UTF-8 that writes U+FFFD for an unpaired surrogate instead of failing. */
    public static CharsetEncoder encoder() {
        return StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_UTF8);
    }

    /** A buffered UTF-8 writer of {@code file} (options as {@link Files#newOutputStream}) that never fails on text. */
    public static BufferedWriter writer(Path file, OpenOption... options) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, options), encoder()));
    }

    /** {@code text} as UTF-8 bytes, with U+FFFD for an unpaired surrogate. */
    public static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = encoder().encode(CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing encoder reported an error", e);
        }
    }
}
