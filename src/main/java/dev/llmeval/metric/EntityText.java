package dev.llmeval.metric;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@code context_entity_recall} compares entities with text: both sides are normalised, then
 * an entity is mentioned when its normalised words occur as a contiguous run of whole words in
 * the normalised text. RAGAS compares exact strings, so "Plum Organics" and "plum organics", or
 * "Asunción" and "Asuncion", differ there.
 */
final class EntityText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
    private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ARTICLE = Pattern.compile("^(?:the|a|an) ");

    private EntityText() {}

    /**
     * Case, accents, punctuation and spacing removed: lower case; accents dropped (NFKD); a
     * possessive {@code 's} dropped; thousands separators dropped ({@code 1,200} = {@code 1200});
     * every other run of characters that are not letters or digits becomes one space; a leading
     * article (the, a, an) dropped. {@code "The Plum-Organics’s"} → {@code "plum organics"}.
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = POSSESSIVE.matcher(s).replaceAll("");
        s = DIGIT_GROUP.matcher(s).replaceAll("");
        s = NOT_WORD.matcher(s).replaceAll(" ").strip();
        return ARTICLE.matcher(s).replaceFirst("");
    }

    /**
     * Whether a normalised entity occurs as whole words in a normalised text; a blank entity never
     * does. Chinese, Japanese, Korean, Thai and similar scripts do not put spaces between words
     * ("中国的首都是北京", "서울은"), so next to a letter of such a script no space is needed: "北京"
     * is found there, while "Food" is still not found inside "FoodFutureCo".
     */
    static boolean mentions(String normalisedText, String normalisedEntity) {
        if (normalisedEntity.isBlank()) {
            return false;
        }
        int first = normalisedEntity.codePointAt(0);
        int last = normalisedEntity.codePointBefore(normalisedEntity.length());
        for (int at = normalisedText.indexOf(normalisedEntity); at >= 0;
                at = normalisedText.indexOf(normalisedEntity, at + 1)) {
            int end = at + normalisedEntity.length();
            boolean startsWord = at == 0 || normalisedText.charAt(at - 1) == ' ' || withoutSpaces(first)
                    || withoutSpaces(normalisedText.codePointBefore(at));
            boolean endsWord = end == normalisedText.length() || normalisedText.charAt(end) == ' ' || withoutSpaces(last)
                    || withoutSpaces(normalisedText.codePointAt(end));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    /** A letter of a script written without spaces between words (after NFKD, Hangul is jamo). */
    static boolean withoutSpaces(int c) {
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR
                || c == 0x30FC; // the kana length mark ー has no script of its own
    }
}
