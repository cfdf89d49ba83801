package dev.llmeval;

/** Counts with their noun in the right number: {@code 1 statement}, {@code 3 statements}, {@code 2 entities}. */
public final class Plural {

    private Plural() {}

    /** {@code n} and the noun, plural unless {@code n} is 1; the last word of {@code noun} takes the ending. */
    public static String of(long n, String noun) {
        return n + " " + noun(n, noun);
    }

    /** {@code all 3 statements}, or {@code the only statement} when {@code n} is 1. */
    public static String allOf(long n, String noun) {
        return n == 1 ? "the only " + noun : "all " + n + " " + noun(n, noun);
    }

    /** {@code is} for one, {@code are} for any other count. */
    public static String is(long n) {
        return n == 1 ? "is" : "are";
    }

    /** The noun alone, plural unless {@code n} is 1: {@code all 3 statements} is {@code "all " + n + " " + noun(n, "statement")}. */
    public static String noun(long n, String noun) {
        if (n == 1 || noun.isEmpty()) {
            return noun;
        }
        int last = noun.length() - 1;
        char end = noun.charAt(last);
        if (end == 'y' && last > 0 && "aeiou".indexOf(noun.charAt(last - 1)) < 0) {
            return noun.substring(0, last) + "ies";
        }
        if (end == 's' || end == 'x' || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        return noun + "s";
    }
}
