package dev.llmeval.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a metric's details (nested maps, lists and scalars) readably: a list of flat records
 * becomes a table (statements with verdicts, per-chunk verdicts), a list of scalars a numbered
 * list, a map a key/value list, a boolean a yes/no mark. All text is escaped; a text is cut to
 * {@link HtmlReport#TEXT_LIMIT} characters and a list or table to {@link HtmlReport#LIST_LIMIT}
 * items, with a note that report.json has the rest.
 */
final class DetailsHtml {

    private DetailsHtml() {}

    static void render(Html html, Map<String, Object> details) {
        Object plain = Json.plain(details);
        if (!(plain instanceof Map<?, ?> map) || map.isEmpty()) {
            return;
        }
        map.forEach((key, value) -> {
            html.element("h4", null, label(String.valueOf(key)));
            value(html, value);
        });
    }

    static void value(Html html, Object value) {
        if (value == null) {
            html.element("span", "null", "null");
        } else if (value instanceof Boolean b) {
            html.element("span", b ? "yes" : "no", b ? "yes" : "no");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            html.element("span", "mono", String.format(Locale.ROOT, "%.3f", d));
        } else if (value instanceof Number n) {
            html.element("span", "mono", n.toString());
        } else if (value instanceof List<?> list) {
            list(html, list);
        } else if (value instanceof Map<?, ?> map) {
            map(html, map);
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

    private static void list(Html html, List<?> list) {
        if (list.isEmpty()) {
            html.element("span", "muted", "(none)");
            return;
        }
        if (list.stream().allMatch(DetailsHtml::flatRecord)) {
            table(html, list);
            return;
        }
        html.open("ol", null);
        for (Object item : list.subList(0, Math.min(list.size(), HtmlReport.LIST_LIMIT))) {
            html.open("li", null);
            value(html, item);
            html.close("li");
        }
        html.close("ol");
        more(html, list.size(), "items");
    }

    private static void table(Html html, List<?> rows) {
        Set<Object> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(((Map<?, ?>) r).keySet()));
        html.open("table", "details").open("thead", null).open("tr", null).element("th", null, "#");
        columns.forEach(c -> html.element("th", null, label(String.valueOf(c))));
        html.close("tr").close("thead").open("tbody", null);
        int n = 0;
        for (Object row : rows.subList(0, Math.min(rows.size(), HtmlReport.LIST_LIMIT))) {
            html.open("tr", null).element("td", "num", Integer.toString(++n));
            for (Object c : columns) {
                html.open("td", null);
                Map<?, ?> map = (Map<?, ?>) row;
                if (map.containsKey(c)) {
                    value(html, map.get(c));
                }
                html.close("td");
            }
            html.close("tr");
        }
        html.close("tbody").close("table");
        more(html, rows.size(), "rows");
    }

    private static void map(Html html, Map<?, ?> map) {
        if (map.isEmpty()) {
            html.element("span", "muted", "(none)");
            return;
        }
        html.open("dl", "kv");
        map.forEach((k, v) -> {
            html.element("dt", null, label(String.valueOf(k)));
            html.open("dd", null);
            value(html, v);
            html.close("dd");
        });
        html.close("dl");
    }

    private static boolean flatRecord(Object item) {
        return item instanceof Map<?, ?> map
                && !map.isEmpty()
                && map.values().stream().noneMatch(v -> v instanceof Map || v instanceof List);
    }

    /** {@code generated_questions} → {@code generated questions}. */
    static String label(String key) {
        return key.replace('_', ' ');
    }
}
