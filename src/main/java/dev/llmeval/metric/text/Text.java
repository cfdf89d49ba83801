package dev.llmeval.metric.text;

import java.text.Normalizer;
import java.util.Locale;

/** Unicode text helpers shared by the string metrics: NFC, code points, case folding, whitespace. */
final class Text {

    private Text() {}

    /** The canonical composition of {@code text}: "e" + U+0301 becomes "é", so both spellings compare equal. */
    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The NFC code points of {@code text}: a character outside the BMP (𠮷, an emoji) counts as one. */
    static int[] codePoints(String text) {
        return nfc(text).codePoints().toArray();
    }

    /**
     * Case folding for comparisons that ignore case: upper then lower case, so that "STRASSE" and
     * "straße" fold to the same text (a plain lower-casing leaves ß alone).
     */
    static String foldCase(String text) {
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * Runs of Unicode whitespace (no-break and ideographic spaces and line breaks included) become one
     * space; leading and trailing whitespace goes.
     */
    static String collapseWhitespace(String text) {
        return text.replaceAll("(?U)\\s+", " ").strip();
    }
}
