package dev.llmeval.metric.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A string similarity in [0, 1] over Unicode code points (after NFC), 1 for identical strings
 * (two empty strings included). Pure functions; the option value is the lower-case name.
 */
enum Measure {

    /** 1 − Levenshtein distance (insertions, deletions, substitutions, each 1) ÷ the longer length. */
    LEVENSHTEIN {
        @Override
        double similarity(int[] a, int[] b) {
            int longer = Math.max(a.length, b.length);
            return longer == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / longer;
        }
    },

    /**
     * 1 − Hamming distance ÷ the longer length, where the distance counts the differing positions
     * of the shorter string plus the difference in length (the shorter string padded).
     */
    HAMMING {
        @Override
        double similarity(int[] a, int[] b) {
            int longer = Math.max(a.length, b.length);
            if (longer == 0) {
                return 1.0;
            }
            int shorter = Math.min(a.length, b.length);
            int distance = longer - shorter;
            for (int i = 0; i < shorter; i++) {
                if (a[i] != b[i]) {
                    distance++;
                }
            }
            return 1.0 - (double) distance / longer;
        }
    },

    /** Jaro similarity (Jaro 1989). */
    JARO {
        @Override
        double similarity(int[] a, int[] b) {
            return jaro(a, b);
        }
    },

    /**
     * Jaro-Winkler (Winkler 1990): when the Jaro similarity j exceeds 0.7, j + ℓ · 0.1 · (1 − j),
     * ℓ the length of the common prefix, at most 4.
     */
    JARO_WINKLER {
        @Override
        double similarity(int[] a, int[] b) {
            double jaro = jaro(a, b);
            if (jaro <= BOOST_THRESHOLD) {
                return jaro;
            }
            int prefix = 0;
            while (prefix < MAX_PREFIX && prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
                prefix++;
            }
            return jaro + prefix * PREFIX_WEIGHT * (1.0 - jaro);
        }
    };

    static final double PREFIX_WEIGHT = 0.1;
    static final double BOOST_THRESHOLD = 0.7;
    static final int MAX_PREFIX = 4;

    abstract double similarity(int[] a, int[] b);

    double similarity(String a, String b) {
        return similarity(Text.codePoints(a), Text.codePoints(b));
    }

    /** The option value, e.g. {@code jaro_winkler}. */
    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> optionNames() {
        return Arrays.stream(values()).map(Measure::optionName).toList();
    }

    static Measure of(String optionName) {
        return valueOf(optionName.toUpperCase(Locale.ROOT));
    }

    /** Edit distance by dynamic programming over two rows. */
    static int levenshtein(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    /**
     * (m/|a| + m/|b| + (m − t)/m) / 3, where m counts the characters of {@code a} that equal a not yet
     * matched character of {@code b} at most ⌊max(|a|, |b|)/2⌋ − 1 positions away, and t is half the
     * number of matched characters that appear in a different order, rounded down as in Winkler's
     * strcmp95 (and rapidfuzz, which RAGAS uses). 0 when nothing matches.
     */
    static double jaro(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int window = Math.max(0, Math.max(a.length, b.length) / 2 - 1);
        boolean[] matchedA = new boolean[a.length];
        boolean[] matchedB = new boolean[b.length];
        int matches = 0;
        for (int i = 0; i < a.length; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a[i] == b[j]) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int outOfOrder = 0;
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a[i] != b[k]) {
                    outOfOrder++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / a.length + m / b.length + (m - outOfOrder / 2) / m) / 3.0;
    }
}
