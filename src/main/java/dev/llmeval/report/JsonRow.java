package dev.llmeval.report;

/**
 * Writes one JSON array of report.html's sample data block. Strings escape, beside what JSON
 * needs, {@code <}, {@code >}, {@code &}, {@code '} and the line separators U+2028 and U+2029,
 * so no text in the block can close the {@code <script>} element or be read as markup.
 */
final class JsonRow {

    private final StringBuilder out = new StringBuilder(128).append('[');
    private boolean first = true;

    JsonRow open() {
        comma();
        out.append('[');
        first = true;
        return this;
    }

    JsonRow close() {
        out.append(']');
        first = false;
        return this;
    }

    JsonRow number(long value) {
        comma();
        out.append(value);
        return this;
    }

    JsonRow decimal(double value) {
        comma();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonRow nothing() {
        comma();
        out.append("null");
        return this;
    }

    JsonRow text(String text) {
        comma();
        if (text == null) {
            out.append("null");
            return this;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    @Override
    public String toString() {
        return out + "]";
    }
}
