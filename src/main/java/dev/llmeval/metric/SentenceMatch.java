package dev.llmeval.metric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps sentences a judge copied out of a context back to the context's own sentences, tolerating
 * what judges do to quotes: changed case, spacing or punctuation, two sentences merged into one
 * item, a sentence shortened, a word fixed or dropped. Texts are compared as normalised words
 * ({@link EntityText#normalise}). For each copied sentence, the first rule that applies wins:
 * <ol>
 *   <li><b>same</b>: equal to context sentences after normalising;
 *   <li><b>merged</b>: it contains whole context sentences (of at least {@value #MIN_WORDS} words
 *       each) that together make up at least {@value #ENOUGH} of its words;
 *   <li><b>part</b>: it is a run of at least {@value #MIN_WORDS} words of one context sentence (the
 *       first such sentence);
 *   <li><b>close</b>: the context sentence with the highest word overlap (Dice coefficient over
 *       word counts), if at least {@value #ENOUGH};
 * </ol>
 * otherwise it matches nothing (the judge invented or rewrote it) and is reported as unmatched.
 */
final class SentenceMatch {

    static final double ENOUGH = 0.8;
    static final int MIN_WORDS = 3;

    /** The context-sentence indices (0-based) one copied sentence matched, and by which rule. */
    record Match(String copied, Set<Integer> sentences, String rule) {}

    private SentenceMatch() {}

    static List<Match> match(List<String> contextSentences, List<String> copied) {
        List<String> context = contextSentences.stream().map(SentenceMatch::words).toList();
        List<Match> matches = new ArrayList<>();
        for (String item : copied) {
            matches.add(matchOne(context, item));
        }
        return matches;
    }

    /**
     * The normalised words of a text ({@link EntityText#normalise}), where each character of a
     * script written without spaces (Chinese, Japanese, Thai) counts as a word, so that the
     * rules above work on "北京是中国的首都" as they do on English.
     */
    static String words(String text) {
        String normalised = EntityText.normalise(text);
        StringBuilder out = new StringBuilder(normalised.length() * 2);
        normalised.codePoints().forEach(c -> {
            if (EntityText.withoutSpaces(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.HANGUL) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                out.appendCodePoint(c).append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip().replaceAll(" {2,}", " ");
    }

    private static Match matchOne(List<String> context, String item) {
        String text = words(item);
        if (text.isEmpty()) {
            return new Match(item, Set.of(), "empty");
        }
        int words = count(text);
        Set<Integer> same = new TreeSet<>();
        for (int i = 0; i < context.size(); i++) {
            if (context.get(i).equals(text)) {
                same.add(i);
            }
        }
        if (!same.isEmpty()) {
            return new Match(item, same, "same");
        }
        Set<Integer> merged = new TreeSet<>();
        int covered = 0;
        for (int i = 0; i < context.size(); i++) {
            String sentence = context.get(i);
            if (count(sentence) >= MIN_WORDS && EntityText.mentions(text, sentence)) {
                merged.add(i);
                covered += count(sentence);
            }
        }
        if (!merged.isEmpty() && covered >= ENOUGH * words) {
            return new Match(item, merged, "merged");
        }
        if (words >= MIN_WORDS) {
            for (int i = 0; i < context.size(); i++) {
                if (EntityText.mentions(context.get(i), text)) {
                    return new Match(item, Set.of(i), "part");
                }
            }
        }
        int best = -1;
        double bestDice = 0;
        for (int i = 0; i < context.size(); i++) {
            double d = dice(text, context.get(i));
            if (d > bestDice) {
                bestDice = d;
                best = i;
            }
        }
        if (best >= 0 && bestDice >= ENOUGH) {
            return new Match(item, Set.of(best), "close");
        }
        return new Match(item, Set.of(), "unmatched");
    }

    private static int count(String normalised) {
        return normalised.isEmpty() ? 0 : normalised.split(" ").length;
    }

    /** 2 · shared words / (words of a + words of b), counting repeated words. */
    static double dice(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        for (String w : wa) {
            counts.merge(w, 1, Integer::sum);
        }
        int shared = 0;
        for (String w : wb) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                shared++;
                counts.put(w, c - 1);
            }
        }
        return 2.0 * shared / (wa.length + wb.length);
    }
}
