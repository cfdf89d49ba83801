package dev.llmeval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences: the offline judge's statements, and the sentences that
 * {@code context_relevance} counts. Breaks at '.', '!' or '?' followed by a space and a capital,
 * digit or quote; after the ideographic full stop and the full-width '！' and '？' ("。", as Chinese and
 * Japanese write them, without a space); at line breaks; and at a glued boundary such as
 * "Illinois.The". Does not break after common abbreviations, single
 * initials ("J. Smith"), inside decimals ("3.5") or after list numbers ("1. First").
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "vs", "etc", "inc", "ltd",
            "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "no", "vol", "fig", "approx", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m",
            "p.m", "gen", "col", "lt", "gov", "sen", "rep", "rev", "est", "dept", "univ");

    /** Ideographic and full-width sentence ends, which need no space after them. */
    private static final String FULL_STOPS = "\u3002\uFF01\uFF1F\uFF61";
    private static final String CLOSERS = "\u300D\u300F\u201D\u2019\uFF09)\"'";

    private SentenceSplitter() {}

    /** The sentences of {@code text}, stripped, in order; none for {@code null} or blank text. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R+")) {
            splitLine(stripListMarker(line.strip()), out);
        }
        return out;
    }

    private static String stripListMarker(String line) {
        return line.replaceFirst("^(?:[-*•]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])\\s+", "");
    }

    private static void splitLine(String line, List<String> out) {
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && isBoundary(line, i)) {
                add(line.substring(start, i + 1), out);
                start = i + 1;
            } else if (FULL_STOPS.indexOf(c) >= 0) {
                // Chinese and Japanese end a sentence with 。！？ and no space; closing quotes stay with it
                int end = i + 1;
                while (end < line.length() && CLOSERS.indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                add(line.substring(start, end), out);
                start = end;
                i = end - 1;
            }
        }
        add(line.substring(start), out);
    }

    private static boolean isBoundary(String line, int i) {
        int next = i + 1;
        while (next < line.length() && "\"')]’”".indexOf(line.charAt(next)) >= 0) {
            next++;
        }
        if (next >= line.length()) {
            return true;
        }
        char after = line.charAt(next);
        if (line.charAt(i) == '.' && !Character.isWhitespace(after)) {
            // glued boundary "word.Next", but not "U.S." or "3.5" or "e.g"
            return i >= 2 && Character.isLowerCase(line.charAt(i - 1))
                    && Character.isLowerCase(line.charAt(i - 2))
                    && Character.isUpperCase(after)
                    && next + 1 < line.length() && Character.isLowerCase(line.charAt(next + 1));
        }
        if (!Character.isWhitespace(after)) {
            return false;
        }
        int k = next;
        while (k < line.length() && Character.isWhitespace(line.charAt(k))) {
            k++;
        }
        if (k >= line.length()) {
            return true;
        }
        char first = line.charAt(k);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || "\"'“‘(".indexOf(first) >= 0)) {
            return false;
        }
        return line.charAt(i) != '.' || !isAbbreviation(line, i);
    }

    private static boolean isAbbreviation(String line, int dot) {
        int s = dot;
        while (s > 0 && !Character.isWhitespace(line.charAt(s - 1)) && line.charAt(s - 1) != '(') {
            s--;
        }
        String word = line.substring(s, dot).toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. Smith"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static void add(String sentence, List<String> out) {
        String s = sentence.strip();
        if (s.chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
    }
}
