package dev.llmeval.target;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Keyword overlap, blended with embedding similarity by the builtin target. */
final class Keywords {

    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "does", "what", "which", "how", "can", "are", "was", "with", "from", "this", "that",
            "when", "where", "who", "why", "into", "your", "you", "our", "its", "per", "not", "have", "has", "there",
            "before", "after", "default", "tidewater");

    private Keywords() {}

    /** The share of the question's content words (3+ letters, not stop words) found in {@code text}. */
    static double overlap(String question, String text) {
        Set<String> wanted = words(question);
        if (wanted.isEmpty()) {
            return 0;
        }
        Set<String> present = words(text);
        return wanted.stream().filter(present::contains).count() / (double) wanted.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            String stem = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
            if (stem.length() >= 3 && !STOP.contains(stem) && !STOP.contains(word)) {
                out.add(stem);
            }
        }
        return out;
    }
}
