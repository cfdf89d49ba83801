package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.gate.Baseline;
import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.Comparisons;
import dev.llmeval.gate.GateFailure;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.RegressionGate;
import dev.llmeval.metric.MetricCatalog;
import dev.llmeval.report.BaselineReport;
import dev.llmeval.report.ConsoleSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code llmeval compare BASE.json HEAD.json}: the baseline gate over two saved reports, nothing rerun. */
public final class Compare {

    private Compare() {}

    public static ExitStatus run(PrintWriter out, Path base, Path head, List<String> maxDropSpecs,
            boolean significantOnly) {
        List<MaxDrop> maxDrops = MaxDrop.parse(maxDropSpecs, ExitStatus.USAGE);
        Baseline before = Baseline.read(base);
        Baseline after = Baseline.read(head);
        for (MaxDrop drop : maxDrops) {
            String id = drop.metricId();
            // a typo would otherwise read as a regression (exit 1)
            if (!MetricCatalog.ids().contains(id) && !before.metrics().contains(id) && !after.metrics().contains(id)) {
                throw new LlmevalException(ExitStatus.USAGE, "--max-drop " + id + "=...: unknown metric '" + id
                        + "', in neither report (" + String.join(", ", after.metrics()) + ")");
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (String metric : after.metrics()) {
            if (before.metrics().contains(metric)) {
                comparisons.add(Comparisons.compare(metric, before.scores(metric), after.scores(metric)));
            } else {
                out.println("only in " + head + ": " + metric);
            }
        }
        before.metrics().stream().filter(m -> !after.metrics().contains(m))
                .forEach(m -> out.println("only in " + base + ": " + m));
        List<GateFailure> failures = RegressionGate.check(comparisons, maxDrops, significantOnly);
        Set<String> regressed = failures.stream().map(GateFailure::metricId).collect(Collectors.toSet());
        out.print(ConsoleSummary.baseline(BaselineReport.of(base.toString(), comparisons, maxDrops, significantOnly,
                regressed)));
        if (failures.isEmpty()) {
            out.println("compare: PASSED" + (maxDrops.isEmpty() ? " (no --max-drop set)" : ""));
        } else {
            failures.forEach(f -> out.println("compare: FAILED - " + f.metricId() + ": " + f.message()));
        }
        out.flush();
        return failures.isEmpty() ? ExitStatus.PASSED : ExitStatus.GATE_FAILED;
    }
}
