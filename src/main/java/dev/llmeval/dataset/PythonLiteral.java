package dev.llmeval.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads a Python literal as pandas and RAGAS write it into a CSV cell ({@code str(list)}): lists,
 * tuples and dicts of strings, numbers, {@code True}, {@code False} and {@code None}. Strings take
 * single or double quotes, an optional {@code r}/{@code u}/{@code b} prefix and Python's escapes
 * ({@code \\'}, {@code \\n}, {@code \\xhh}, {@code \\uhhhh}, {@code \\Uhhhhhhhh}, octal). A list
 * whose items are separated by white space only ({@code ['a' 'b']}) is a NumPy array as pandas
 * prints it: each literal is an item. Nothing is evaluated.
 */
final class PythonLiteral {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String text;
    private int at;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException with the problem and its 1-based character position
     */
    static JsonNode parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        parser.space();
        JsonNode value = parser.value();
        parser.space();
        if (parser.at < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "' after the value");
        }
        return value;
    }

    private JsonNode value() {
        if (at >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(at);
        if (c == '[' || c == '(') {
            return sequence(c == '[' ? ']' : ')');
        }
        if (c == '{') {
            return dict();
        }
        if (c == '\'' || c == '"' || isPrefixedString()) {
            return JSON.textNode(string());
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        String word = word();
        return switch (word) {
            case "True" -> JSON.booleanNode(true);
            case "False" -> JSON.booleanNode(false);
            case "None" -> JSON.nullNode();
            default -> throw error(word.isEmpty() ? "unexpected '" + c + "'" : "unexpected '" + word + "'");
        };
    }

    private ArrayNode sequence(char close) {
        ArrayNode items = JSON.arrayNode();
        at++;
        space();
        while (true) {
            if (at >= text.length()) {
                throw error("'" + close + "' is missing at the end");
            }
            if (text.charAt(at) == close) {
                at++;
                return items;
            }
            items.add(value());
            int before = at;
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                space();
            } else if (at < text.length() && text.charAt(at) != close && at == before) {
                throw error("expected ',' or '" + close + "'");
            }
            // items separated by white space only: a NumPy array printed by pandas
        }
    }

    private ObjectNode dict() {
        ObjectNode object = JSON.objectNode();
        at++;
        space();
        while (true) {
            if (at < text.length() && text.charAt(at) == '}') {
                at++;
                return object;
            }
            JsonNode key = value();
            if (!key.isValueNode() || key.isNull()) {
                throw error("a dict key must be a string or a number");
            }
            space();
            expect(':');
            space();
            object.set(key.asText(), value());
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                space();
            } else if (at >= text.length() || text.charAt(at) != '}') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private boolean isPrefixedString() {
        int i = at;
        while (i < text.length() && i - at < 2 && "rRuUbB".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i > at && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    private String string() {
        boolean raw = false;
        while ("rRuUbB".indexOf(text.charAt(at)) >= 0) {
            raw |= text.charAt(at) == 'r' || text.charAt(at) == 'R';
            at++;
        }
        char quote = text.charAt(at);
        int start = at;
        at++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                at = start;
                throw error("a string is never closed");
            }
            char c = text.charAt(at++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (at >= text.length()) {
                at = start;
                throw error("a string is never closed");
            }
            char e = text.charAt(at++);
            if (raw) {
                sb.append('\\').append(e);
                continue;
            }
            switch (e) {
                case '\\', '\'', '"' -> sb.append(e);
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case '\n' -> { } // a line continuation
                case 'x' -> sb.appendCodePoint(hex(2));
                case 'u' -> sb.appendCodePoint(hex(4));
                case 'U' -> sb.appendCodePoint(hex(8));
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && at < text.length() && text.charAt(at) >= '0'
                                && text.charAt(at) <= '7'; n++) {
                            value = value * 8 + text.charAt(at++) - '0';
                        }
                        sb.append((char) value);
                    } else {
                        sb.append('\\').append(e); // Python keeps an unknown escape as written
                    }
                }
            }
        }
    }

    private int hex(int digits) {
        if (at + digits > text.length()) {
            throw error("an escape needs " + digits + " hex digits");
        }
        try {
            int value = Integer.parseUnsignedInt(text.substring(at, at + digits), 16);
            if (!Character.isValidCodePoint(value)) {
                throw error("an escape names no character");
            }
            at += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("an escape needs " + digits + " hex digits");
        }
    }

    private JsonNode number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE_".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String literal = text.substring(start, at).replace("_", "");
        try {
            if (literal.matches("[+-]?\\d+")) {
                return JSON.numberNode(new BigInteger(literal));
            }
            return JSON.numberNode(new BigDecimal(literal));
        } catch (NumberFormatException e) {
            at = start;
            throw error("'" + literal + "' is not a number");
        }
    }

    private String word() {
        int start = at;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        String word = text.substring(start, at);
        if (word.isEmpty() || !(word.equals("True") || word.equals("False") || word.equals("None"))) {
            at = start;
        }
        return word;
    }

    private void expect(char c) {
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + (at + 1));
    }
}
