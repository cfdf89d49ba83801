package dev.llmeval.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a metric's details (nested maps, lists and scalars) readably: a list of flat records
 * becomes a table (statements with verdicts, per-chunk verdicts), a list of scalars a numbered
 * list, a map a key/value list, a boolean a yes/no mark coloured by what it means (a supported
 * statement is good, a noncommittal answer bad, so {@code noncommittal: no} is good), and each
 * key a label for people. All text is escaped; a text is cut to {@link HtmlReport#TEXT_LIMIT}
 * characters and a list or table to {@link HtmlReport#LIST_LIMIT} items, with a note that
 * report.json has the rest.
 */
final class DetailsHtml {

    /** Labels for keys whose words alone do not say what they hold. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("best_evidence", "closest context passage"),
            Map.entry("best_sentence", "closest response sentence"),
            Map.entry("best_supported", "best-supported sentence"),
            Map.entry("missing_numbers", "numbers not in the contexts"),
            Map.entry("missing_names", "names not in the contexts"),
            Map.entry("negation_mismatch", "negated differently"),
            Map.entry("aspect_coverage", "question parts covered"),
            Map.entry("committed_share", "share of committed sentences"),
            Map.entry("coverage", "word coverage"),
            Map.entry("expects", "expected in the answer"),
            Map.entry("tp", "true positives"),
            Map.entry("fp", "false positives"),
            Map.entry("fn", "false negatives"),
            Map.entry("lcs", "longest common subsequence"),
            Map.entry("fmeasure", "F-measure"),
            Map.entry("noncommittal", "noncommittal"),
            Map.entry("context_sentences", "context sentences"),
            Map.entry("question_words", "question words"));

    /** Booleans for which yes is good; {@link #BAD_WHEN_TRUE} the ones for which yes is bad; others are neutral. */
    private static final Set<String> GOOD_WHEN_TRUE = Set.of("supported", "attributed", "useful", "found",
            "matched", "correct", "relevant", "informative", "verdict", "needed");
    private static final Set<String> BAD_WHEN_TRUE = Set.of("noncommittal", "negation_mismatch", "evasive",
            "contradicted", "hallucinated");

    private DetailsHtml() {}

    static void render(Html html, Map<String, Object> details) {
        Object plain = Json.details(details);
        if (!(plain instanceof Map<?, ?> map) || map.isEmpty()) {
            return;
        }
        map.forEach((key, value) -> {
            html.element("h4", null, label(String.valueOf(key)));
            value(html, value, String.valueOf(key), true);
        });
    }

    /** A sample's metadata: its keys as the golden set wrote them, no yes or no read as good or bad. */
    static void metadata(Html html, Object metadata) {
        value(html, metadata, "", false);
    }

    /**
     * @param key the key the value is under, which tells what a yes or no means
     * @param details whether this is a metric's details (keys labelled, booleans toned) or metadata
     */
    private static void value(Html html, Object value, String key, boolean details) {
        if (value == null) {
            html.element("span", "null", "null");
        } else if (value instanceof Boolean b) {
            html.element("span", details ? tone(key, b) : "neutral", b ? "yes" : "no");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            html.element("span", "mono", String.format(Locale.ROOT, "%.3f", d));
        } else if (value instanceof Number n) {
            html.element("span", "mono", n.toString());
        } else if (value instanceof List<?> list) {
            list(html, list, details);
        } else if (value instanceof Map<?, ?> map) {
            map(html, map, details);
        } else {
            html.cut(String.valueOf(value), HtmlReport.TEXT_LIMIT);
        }
    }

    /** After a list of which only the first {@link HtmlReport#LIST_LIMIT} were shown: how many more. */
    private static void more(Html html, int size, String what) {
        if (size > HtmlReport.LIST_LIMIT) {
            html.element("p", "cut", "… and " + (size - HtmlReport.LIST_LIMIT) + " more " + what
                    + " (all are in report.json)");
        }
    }

    private static void list(Html html, List<?> list, boolean details) {
        if (list.isEmpty()) {
            html.element("span", "muted", "(none)");
            return;
        }
        if (list.stream().allMatch(DetailsHtml::flatRecord)) {
            table(html, list, details);
            return;
        }
        html.open("ol", null);
        for (Object item : list.subList(0, Math.min(list.size(), HtmlReport.LIST_LIMIT))) {
            html.open("li", null);
            value(html, item, "", details);
            html.close("li");
        }
        html.close("ol");
        more(html, list.size(), "items");
    }

    private static void table(Html html, List<?> rows, boolean details) {
        Set<Object> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(((Map<?, ?>) r).keySet()));
        html.open("table", "details").open("thead", null).open("tr", null).element("th", null, "#");
        columns.forEach(c -> html.element("th", null, details ? label(String.valueOf(c)) : String.valueOf(c)));
        html.close("tr").close("thead").open("tbody", null);
        int n = 0;
        for (Object row : rows.subList(0, Math.min(rows.size(), HtmlReport.LIST_LIMIT))) {
            html.open("tr", null).element("td", "num", Integer.toString(++n));
            for (Object c : columns) {
                html.open("td", null);
                Map<?, ?> map = (Map<?, ?>) row;
                if (map.containsKey(c)) {
                    value(html, map.get(c), String.valueOf(c), details);
                }
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
        more(html, rows.size(), "rows");
    }

    private static void map(Html html, Map<?, ?> map, boolean details) {
        if (map.isEmpty()) {
            html.element("span", "muted", "(none)");
            return;
        }
        html.open("dl", "kv");
        map.forEach((k, v) -> {
            html.element("dt", null, details ? label(String.valueOf(k)) : String.valueOf(k));
            html.open("dd", null);
            value(html, v, String.valueOf(k), details);
            html.close("dd");
        });
        html.close("dl");
    }

    private static boolean flatRecord(Object item) {
        return item instanceof Map<?, ?> map
                && !map.isEmpty()
                && map.values().stream().noneMatch(v -> v instanceof Map || v instanceof List);
    }

    /**
     * A key as people read it: {@code best_evidence} is {@code closest context passage}, other
     * keys their words ({@code generated_questions} is {@code generated questions}); a key of an
     * older report in camelCase ({@code bestEvidence}) reads the same.
     */
    static String label(String key) {
        String snake = Json.snakeCase(key);
        return LABELS.getOrDefault(snake, snake.replace('_', ' '));
    }

    /** How a yes or no reads: {@code good}, {@code bad}, or {@code neutral} when it is neither. */
    static String tone(String key, boolean value) {
        String snake = Json.snakeCase(key);
        if (GOOD_WHEN_TRUE.contains(snake)) {
            return value ? "good" : "bad";
        }
        if (BAD_WHEN_TRUE.contains(snake)) {
            return value ? "bad" : "good";
        }
        return "neutral";
    }
}
