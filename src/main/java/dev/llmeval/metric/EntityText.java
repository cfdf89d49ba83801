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

    /** Whether a normalised entity occurs as whole words in a normalised text; a blank entity never does. */
    static boolean mentions(String normalisedText, String normalisedEntity) {
        if (normalisedEntity.isBlank()) {
            return false;
        }
        return (" " + normalisedText + " ").contains(" " + normalisedEntity + " ");
    }
}
