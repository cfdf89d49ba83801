package dev.llmeval.redact;

/** Character tests shared by the detectors' boundary checks. */
final class Chars {

    private Chars() {}

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static boolean wordBefore(String text, int start) {
        return start > 0 && isWordChar(text.charAt(start - 1));
    }

    static boolean wordAfter(String text, int end) {
        return end < text.length() && isWordChar(text.charAt(end));
    }

    static boolean digitAt(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /** The word just before {@code start} (letters only, lower case), skipping spaces; empty if none. */
    static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return text.substring(begin, end).toLowerCase(java.util.Locale.ROOT);
    }
}
