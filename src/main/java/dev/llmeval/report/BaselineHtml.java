package dev.llmeval.report;

import dev.llmeval.gate.Direction;
import dev.llmeval.gate.SampleDelta;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The baseline comparison in report.html: a few lines on each metric's card and the "Against the
 * baseline" section (the comparison table, the samples that regressed most and the unpaired
 * samples). All text is escaped; samples of this run are linked by position ({@code #sample-N}).
 */
final class BaselineHtml {

    /** Unpaired ids shown per metric and list; the rest are counted. */
    static final int MAX_IDS = 50;

    private BaselineHtml() {}

    static Map<String, BaselineReport.MetricChange> byMetric(BaselineReport baseline) {
        Map<String, BaselineReport.MetricChange> changes = new LinkedHashMap<>();
        if (baseline != null) {
            baseline.metrics().forEach(c -> changes.putIfAbsent(c.metric(), c));
        }
        return changes;
    }

    /** The ids of this run the section links to: the samples that regressed most, the shown unpaired ones. */
    static Set<String> linkedIds(BaselineReport baseline) {
        Set<String> ids = new LinkedHashSet<>();
        if (baseline != null) {
            for (BaselineReport.MetricChange c : baseline.metrics()) {
                c.regressedMost().forEach(d -> ids.add(d.id()));
                ids.addAll(c.onlyInCurrentIds().subList(0, Math.min(MAX_IDS, c.onlyInCurrentIds().size())));
            }
        }
        return ids;
    }

    /** The card's lines: baseline and current mean, the change with its interval, the allowed drop. */
    static void card(Html html, BaselineReport.MetricChange c) {
        html.open("div", "vs");
        if (c.delta() == null) {
            html.element("p", "muted", "baseline: no sample scored in both runs");
        } else {
            html.open("p", null).text("baseline " + number(c.baselineMean()) + " \u2192 "
                    + number(c.currentMean()) + " (" + c.paired() + " paired)").close("p");
            html.open("p", null).text("change ")
                    .element("span", changeClass(c.metric(), c.delta()), signed(c.delta()));
            if (c.ciLow() != null && c.ciHigh() != null) {
                html.text(", 95% CI " + interval(c));
            }
            html.close("p");
        }
        html.open("p", null);
        if (c.regressed() == null) {
            html.element("span", "muted", "no max drop");
        } else {
            html.text(allowed(c) + " ");
            flag(html, c.regressed());
        }
        html.close("p").close("div");
    }

    /** The "Against the baseline" section. */
    static String section(BaselineReport baseline, Map<String, Integer> positions) {
        Html html = new Html().raw("<h2 id=\"baseline\">Against the baseline</h2>\n");
        html.open("p", null).text("Compared with ").element("span", "mono", baseline.path())
                .text(". Samples are paired by id and only samples scored in both runs are compared; the"
                        + " change is this run's mean minus the baseline's over those samples, with a paired"
                        + " bootstrap 95% confidence interval. "
                        + (baseline.significantOnly()
                                ? "With --significant-only a metric regresses only when its whole interval"
                                        + " is beyond the allowed drop."
                                : "A metric regresses when its mean got worse by more than the allowed drop"
                                        + " (--max-drop)."))
                .close("p").raw("\n");
        if (baseline.metrics().isEmpty()) {
            html.element("p", "muted", "No metric was run in both.").raw("\n");
            return html.toString();
        }
        comparisons(html, baseline);
        regressedMost(html, baseline, positions);
        unpaired(html, baseline, positions);
        return html.toString();
    }

    private static void comparisons(Html html, BaselineReport baseline) {
        html.raw("<table class=\"baseline\">\n<thead><tr>");
        for (String column : new String[] {"metric", "baseline", "this run", "change", "95% CI", "paired",
                "only in baseline", "only in this run", "allowed drop", "result"}) {
            html.element("th", null, column);
        }
        html.raw("</tr></thead>\n<tbody>\n");
        for (BaselineReport.MetricChange c : baseline.metrics()) {
            html.open("tr", null).element("td", "mono", c.metric());
            if (c.delta() == null) {
                for (int i = 0; i < 4; i++) {
                    html.element("td", "num muted", "-");
                }
            } else {
                html.element("td", "num", number(c.baselineMean()))
                        .element("td", "num", number(c.currentMean()))
                        .element("td", "num " + changeClass(c.metric(), c.delta()), signed(c.delta()))
                        .element("td", "num", c.ciLow() == null || c.ciHigh() == null ? "-" : interval(c));
            }
            for (int count : new int[] {c.paired(), c.onlyInBaseline(), c.onlyInCurrent()}) {
                html.element("td", "num", Integer.toString(count));
            }
            html.element("td", c.maxDrop() == null ? "muted" : null,
                    c.maxDrop() == null ? "-" : allowedAmount(c)
                            + (Direction.of(c.metric()).higherIsBetter() ? "" : " (rise)"));
            html.open("td", null);
            if (c.regressed() == null) {
                html.element("span", "muted", "-");
            } else {
                flag(html, c.regressed());
            }
            html.close("td").close("tr").raw("\n");
        }
        html.raw("</tbody>\n</table>\n");
    }

    private static void regressedMost(Html html, BaselineReport baseline, Map<String, Integer> positions) {
        html.element("h3", null, "Samples that regressed most").raw("\n");
        if (baseline.metrics().stream().allMatch(c -> c.regressedMost().isEmpty())) {
            html.element("p", "muted", "No paired sample got worse.").raw("\n");
            return;
        }
        html.raw("<table class=\"regressed\">\n<thead><tr>");
        for (String column : new String[] {"metric", "sample", "baseline", "this run", "change"}) {
            html.element("th", null, column);
        }
        html.raw("</tr></thead>\n<tbody>\n");
        for (BaselineReport.MetricChange c : baseline.metrics()) {
            for (SampleDelta d : c.regressedMost()) {
                html.open("tr", null).element("td", "mono", c.metric()).open("td", "mono");
                sample(html, d.id(), positions);
                html.close("td")
                        .element("td", "num", number(d.baseline()))
                        .element("td", "num", number(d.current()))
                        .element("td", "num " + changeClass(c.metric(), d.delta()), signed(d.delta()))
                        .close("tr").raw("\n");
            }
        }
        html.raw("</tbody>\n</table>\n");
    }

    private static void unpaired(Html html, BaselineReport baseline, Map<String, Integer> positions) {
        html.element("h3", null, "Unpaired samples").raw("\n");
        if (baseline.metrics().stream().allMatch(c -> c.onlyInBaseline() == 0 && c.onlyInCurrent() == 0)) {
            html.element("p", "muted", "None: every sample scored in one run was scored in the other.")
                    .raw("\n");
            return;
        }
        html.element("p", "muted", "Scored in one run only, so not compared. Samples of this run link to"
                + " their details.").raw("\n");
        html.raw("<table class=\"unpaired\">\n<thead><tr><th>metric</th><th>only in the baseline</th>"
                + "<th>only in this run</th></tr></thead>\n<tbody>\n");
        for (BaselineReport.MetricChange c : baseline.metrics()) {
            if (c.onlyInBaseline() == 0 && c.onlyInCurrent() == 0) {
                continue;
            }
            html.open("tr", null).element("td", "mono", c.metric()).open("td", "ids");
            ids(html, c.onlyInBaselineIds(), c.onlyInBaseline(), Map.of());
            html.close("td").open("td", "ids");
            ids(html, c.onlyInCurrentIds(), c.onlyInCurrent(), positions);
            html.close("td").close("tr").raw("\n");
        }
        html.raw("</tbody>\n</table>\n");
    }

    /** Up to {@link #MAX_IDS} ids, linked when they are samples of this run, then how many more. */
    private static void ids(Html html, List<String> ids, int count, Map<String, Integer> positions) {
        if (count == 0) {
            html.element("span", "muted", "-");
            return;
        }
        if (ids.isEmpty()) {
            html.element("span", "muted", count + " (ids not recorded)");
            return;
        }
        int shown = Math.min(MAX_IDS, ids.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                html.text(", ");
            }
            sample(html, ids.get(i), positions);
        }
        if (count > shown) {
            html.text(" ").element("span", "muted", "and " + (count - shown) + " more");
        }
    }

    private static void sample(Html html, String id, Map<String, Integer> positions) {
        Integer n = positions.get(id);
        if (n == null) {
            html.text(id);
        } else {
            html.raw("<a href=\"#sample-" + n + "\">").text(id).raw("</a>");
        }
    }

    private static void flag(Html html, boolean regressed) {
        html.element("span", regressed ? "flag fail" : "flag pass", regressed ? "REGRESSED" : "OK");
    }

    /** {@code allowed drop 0.050}, {@code allowed drop 5% (0.045)}; a rise for lower-is-better metrics. */
    private static String allowed(BaselineReport.MetricChange c) {
        return (Direction.of(c.metric()).higherIsBetter() ? "allowed drop " : "allowed rise ") + allowedAmount(c);
    }

    /** {@code 0.050}, or {@code 5% (0.045)} for a relative max drop. */
    static String allowedAmount(BaselineReport.MetricChange c) {
        if (c.maxDrop() == null) {
            return "-";
        }
        if (c.maxDrop().endsWith("%")) {
            return c.maxDrop() + (c.allowedDrop() == null ? "" : " (" + number(c.allowedDrop()) + ")");
        }
        return c.allowedDrop() == null ? c.maxDrop() : number(c.allowedDrop());
    }

    /** {@code worse} when the change goes the metric's bad way, {@code better} the other way. */
    private static String changeClass(String metric, double delta) {
        double worsening = Direction.of(metric).worsening(0.0, delta);
        return worsening > 0 ? "worse" : worsening < 0 ? "better" : "same";
    }

    private static String interval(BaselineReport.MetricChange c) {
        return signed(c.ciLow()) + " .. " + signed(c.ciHigh());
    }

    static String signed(double value) {
        String text = String.format(Locale.ROOT, "%+.3f", value);
        return text.equals("-0.000") ? "+0.000" : text;
    }

    private static String number(double value) {
        return ConsoleSummary.number(value);
    }
}
