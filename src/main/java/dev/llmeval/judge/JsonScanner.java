package dev.llmeval.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the top-level JSON values ({@code {...}} or {@code [...]}) in a reply that may carry
 * prose around them. String-aware: brackets inside strings and escaped quotes do not count.
 */
final class JsonScanner {

    /** A JSON value found in the text; {@code end} is exclusive, or -1 when it never closes. */
    record Candidate(int start, int end) {
        boolean complete() {
            return end >= 0;
        }

        String text(String source) {
            return complete() ? source.substring(start, end) : source.substring(start);
        }
    }

    private JsonScanner() {}

    /**
     * The values in reading order. Scanning stops at the first value that never closes: whatever
     * follows is inside it.
     */
    static List<Candidate> candidates(String text) {
        List<Candidate> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '{' && c != '[') {
                i++;
                continue;
            }
            int end = closing(text, i, true);
            if (end < 0) {
                // an odd unescaped quote confuses the string tracking; count brackets only
                end = closing(text, i, false);
            }
            if (end < 0) {
                found.add(new Candidate(i, -1));
                break;
            }
            found.add(new Candidate(i, end + 1));
            i = end + 1;
        }
        return found;
    }

    /** The index of the bracket closing the one at {@code start}, or -1. */
    private static int closing(String text, int start, boolean trackStrings) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"' && trackStrings) {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
