package dev.llmeval.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small text helpers for building prompt inputs and result reasons. */
final class Texts {

    static final int MAX_QUOTED = 3;
    private static final int QUOTE_LENGTH = 60;

    private Texts() {}

    /** {@code 1. a\n2. b} */
    static String numbered(List<String> items) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add((i + 1) + ". " + items.get(i));
        }
        return String.join("\n", lines);
    }

    /** {@code [1] a\n[2] b} */
    static String bracketNumbered(List<String> items) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add("[" + (i + 1) + "] " + items.get(i));
        }
        return String.join("\n", lines);
    }

    /** Up to three items, each single-quoted and shortened: {@code 'a', 'b' and 2 more}. */
    static String quoted(List<String> items) {
        String shown = items.stream().limit(MAX_QUOTED).map(Texts::quote).collect(Collectors.joining(", "));
        int more = items.size() - MAX_QUOTED;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }

    static String quote(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (line.length() > QUOTE_LENGTH) {
            line = line.substring(0, QUOTE_LENGTH - 3).stripTrailing() + "...";
        }
        return "'" + line + "'";
    }

    /** {@code 1}, {@code 1 and 3}, {@code 1, 2 and 4} */
    static String joinNumbers(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return numbers.get(0).toString();
        }
        String head = numbers.subList(0, numbers.size() - 1).stream()
                .map(String::valueOf).collect(Collectors.joining(", "));
        return head + " and " + numbers.get(numbers.size() - 1);
    }

    static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
