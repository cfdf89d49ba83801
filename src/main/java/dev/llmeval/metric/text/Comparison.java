package dev.llmeval.metric.text;

import dev.llmeval.metric.MetricOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How exact_match and string_presence compare texts: always NFC-normalised, optionally
 * case-folded ({@code ignore-case}) and with whitespace runs collapsed and ends stripped
 * ({@code ignore-whitespace}). Both options default to false, as in RAGAS.
 */
record Comparison(boolean ignoreCase, boolean ignoreWhitespace) {

    static final String IGNORE_CASE = "ignore-case";
    static final String IGNORE_WHITESPACE = "ignore-whitespace";

    static Comparison from(MetricOptions options) {
        options.allowOnly(Set.of(IGNORE_CASE, IGNORE_WHITESPACE));
        return new Comparison(options.flag(IGNORE_CASE, false), options.flag(IGNORE_WHITESPACE, false));
    }

    String normalise(String text) {
        String out = Text.nfc(text);
        if (ignoreWhitespace) {
            out = Text.collapseWhitespace(out);
        }
        return ignoreCase ? Text.foldCase(out) : out;
    }

    /** " (ignoring case)", " (ignoring case and whitespace)" or "". */
    String describe() {
        List<String> ignored = new ArrayList<>();
        if (ignoreCase) {
            ignored.add("case");
        }
        if (ignoreWhitespace) {
            ignored.add("whitespace");
        }
        return ignored.isEmpty() ? "" : " (ignoring " + String.join(" and ", ignored) + ")";
    }
}
