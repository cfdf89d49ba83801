package dev.llmeval.report;

import java.util.Locale;

/**
 * A small HTML writer. {@link #text} escapes everything it is given (&amp;, &lt;, &gt;, &quot;,
 * &#39;), so dataset and judge text can never become markup; {@link #raw} takes only markup
 * written in this package.
 */
final class Html {

    private final StringBuilder out = new StringBuilder();

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends literal markup; never pass data here. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /**
     * Appends at most {@code max} characters of {@code text}, escaped and cut at a character
     * boundary; a longer text ends with a note of how much was left out, which report.json keeps.
     */
    Html cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text(text);
        }
        String head = head(text, max);
        text(head);
        return element("span", "cut", " … " + String.format(Locale.ROOT, "%,d", text.length() - head.length())
                + " more characters (the full text is in report.json)");
    }

    /** The first {@code max} characters of {@code text}, one fewer when that would split a surrogate pair. */
    static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Appends {@code <tag class="cls">text</tag>} with the text escaped. */
    Html element(String tag, String cls, String text) {
        open(tag, cls);
        text(text);
        return close(tag);
    }

    /** Appends {@code <tag class="cls">}; the class is escaped too. */
    Html open(String tag, String cls) {
        out.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            out.append(" class=\"").append(escape(cls)).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
