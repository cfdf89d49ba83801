package dev.llmeval.metric.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens for BLEU and ROUGE-L. On ASCII text the tokens are those of the
 * mteval-v13a tokeniser (sacreBLEU's default): punctuation and symbols are tokens of their own,
 * except the apostrophe and the hyphen, which stay inside words, and a period or comma between two
 * digits ("3.14", "1,000"); a hyphen right after a digit is split off ("1990-91" gives "1990",
 * "-", "91"). Beyond ASCII it is Unicode-aware where 13a is not:
 * <ul>
 *   <li>the text is NFC-normalised first, so composed and decomposed accents give the same word;</li>
 *   <li>letters, digits and combining marks of any script form words ("café", "naïve", "Ελλάδα");</li>
 *   <li>each Han ideograph, kana and Hangul syllable is a token of its own, since those scripts do not
 *       separate words with spaces;</li>
 *   <li>any other Unicode punctuation or symbol ("。", "«", "€", an emoji) is a token of its own, while
 *       the typographic apostrophe (U+2019) stays inside words like the ASCII one;</li>
 *   <li>format characters (soft hyphen, zero-width joiner, byte-order mark) are dropped.</li>
 * </ul>
 */
final class Tokens {

    private Tokens() {}

    /** All tokens, punctuation included, case kept: BLEU's tokens. */
    static List<String> of(String text) {
        int[] cps = Text.codePoints(text);
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL) {
                flush(word, tokens);
            } else if (type == Character.FORMAT) {
                continue;
            } else if (isCjk(c)) {
                flush(word, tokens);
                tokens.add(Character.toString(c));
            } else if (isWordPart(c, type) || isApostrophe(c)) {
                word.appendCodePoint(c);
            } else if (isHyphen(c) && !(i > 0 && Character.isDigit(cps[i - 1]))) {
                word.appendCodePoint(c);
            } else if ((c == '.' || c == ',') && i > 0 && i + 1 < cps.length
                    && Character.isDigit(cps[i - 1]) && Character.isDigit(cps[i + 1])) {
                word.appendCodePoint(c);
            } else {
                flush(word, tokens);
                tokens.add(Character.toString(c));
            }
        }
        flush(word, tokens);
        return tokens;
    }

    /**
     * The word tokens, case-folded: tokens with at least one letter or digit (punctuation and
     * symbols dropped), so "Paris," and "paris" match. ROUGE-L's tokens.
     */
    static List<String> words(String text) {
        return of(text).stream()
                .filter(Tokens::hasLetterOrDigit)
                .map(Text::foldCase)
                .toList();
    }

    private static boolean hasLetterOrDigit(String token) {
        return token.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static void flush(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            tokens.add(word.toString());
            word.setLength(0);
        }
    }

    /** Han ideographs, kana and Hangul, plus the kana length mark (ー), which has no script of its own. */
    static boolean isCjk(int c) {
        if (c == 0x30FC || c == 0xFF70) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) && Character.isLetter(c);
    }

    private static boolean isWordPart(int c, int type) {
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == 0x2019;
    }

    private static boolean isHyphen(int c) {
        return c == '-' || c == 0x2010 || c == 0x2011;
    }
}
