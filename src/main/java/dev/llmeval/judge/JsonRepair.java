package dev.llmeval.judge;

/**
 * Fixes the JSON slips small models make, in one pass over a complete JSON value: invalid
 * escapes such as {@code \'}, unescaped quotes inside strings, raw line breaks in strings,
 * trailing commas, missing commas between items, and typographic quotes used as delimiters.
 * It never adds content: a value that does not close is left to fail.
 */
final class JsonRepair {

    private static final String VALID_ESCAPES = "\"\\/bfnrtu";

    private JsonRepair() {}

    static String repair(String json) {
        String text = json;
        if (text.indexOf('"') < 0) {
            text = text.replace('\u201C', '"').replace('\u201D', '"');
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inString = false;
        char lastSignificant = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    if (VALID_ESCAPES.indexOf(next) >= 0) {
                        out.append(c);
                    }
                    out.append(next);
                } else if (c == '"') {
                    if (endsString(text, i)) {
                        inString = false;
                        out.append(c);
                        lastSignificant = c;
                    } else {
                        out.append("\\\"");
                    }
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '"' || c == '{' || c == '[') {
                if (endsValue(lastSignificant)) {
                    out.append(',');
                }
                inString = c == '"';
                out.append(c);
                lastSignificant = c;
            } else if (c == '}' || c == ']') {
                dropTrailingComma(out);
                out.append(c);
                lastSignificant = c;
            } else if (Character.isWhitespace(c)) {
                out.append(c);
            } else {
                boolean separated = out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1));
                if (isBareValueStart(c) && separated && endsValue(lastSignificant)) {
                    out.append(',');
                }
                out.append(c);
                lastSignificant = c;
            }
        }
        return out.toString();
    }

    /**
     * Whether the quote at {@code i}, met inside a string, closes it: it does when the JSON
     * structure plausibly goes on after it (a bracket; a comma or colon followed by a value), or
     * when a quote follows after a blank (a missing comma between two strings).
     */
    private static boolean endsString(String text, int i) {
        int j = skipBlanks(text, i + 1);
        if (j == text.length()) {
            return true;
        }
        char next = text.charAt(j);
        if (next == '}' || next == ']') {
            return true;
        }
        if (next == ',') {
            int k = skipBlanks(text, j + 1);
            return k == text.length() || text.charAt(k) == ']' || text.charAt(k) == '}' || startsValue(text, k);
        }
        if (next == ':') {
            return startsValue(text, skipBlanks(text, j + 1));
        }
        return (next == '"' || next == '{' || next == '[') && j > i + 1;
    }

    private static int skipBlanks(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean startsValue(String text, int k) {
        if (k >= text.length()) {
            return false;
        }
        char c = text.charAt(k);
        return c == '"' || c == '{' || c == '[' || c == '-' || Character.isDigit(c)
                || text.startsWith("true", k) || text.startsWith("false", k) || text.startsWith("null", k);
    }

    private static boolean endsValue(char c) {
        return c == '"' || c == '}' || c == ']' || Character.isLetterOrDigit(c);
    }

    private static boolean isBareValueStart(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }

    private static void dropTrailingComma(StringBuilder out) {
        int k = out.length() - 1;
        while (k >= 0 && Character.isWhitespace(out.charAt(k))) {
            k--;
        }
        if (k >= 0 && out.charAt(k) == ',') {
            out.deleteCharAt(k);
        }
    }
}
