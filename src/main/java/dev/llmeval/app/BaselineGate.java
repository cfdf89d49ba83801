package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.gate.Baseline;
import dev.llmeval.gate.Comparison;
import dev.llmeval.gate.Comparisons;
import dev.llmeval.gate.GateFailure;
import dev.llmeval.gate.MaxDrop;
import dev.llmeval.gate.PassRate;
import dev.llmeval.gate.RegressionGate;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.Outcome;
import dev.llmeval.report.BaselineReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gates beyond the mean thresholds: regression against a baseline report ({@code --baseline},
 * {@code --max-drop}, {@code --significant-only}) and the per-sample pass rate ({@code --pass-rate}).
 * Collects, as samples finish, only what it needs: each metric's scores by sample id and outcome.
 */
final class BaselineGate {

    private final Baseline baseline;
    private final List<MaxDrop> maxDrops;
    private final boolean significantOnly;
    private final Double passRate;
    private final Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
    private final Map<String, List<MetricResult>> outcomes = new LinkedHashMap<>();

    private BaselineGate(Baseline baseline, List<MaxDrop> maxDrops, boolean significantOnly, Double passRate) {
        this.baseline = baseline;
        this.maxDrops = maxDrops;
        this.significantOnly = significantOnly;
        this.passRate = passRate;
    }

    /**
     * @param scored the metrics this run scores: a max drop may name only these, as a threshold
     * @param known every metric id, to tell a typo from a metric this run does not score
     */
    static BaselineGate create(RunRequest.GateFlags flags, Thresholds thresholds, List<String> scored,
            List<String> known) {
        if (flags.baseline() == null && (!flags.maxDrops().isEmpty() || flags.significantOnly())) {
            throw new LlmevalException(ExitStatus.USAGE, "--max-drop and --significant-only need --baseline REPORT.json");
        }
        if (flags.passRate() != null) {
            if (flags.passRate() < 0 || flags.passRate() > 1) {
                throw new LlmevalException(ExitStatus.USAGE, "--pass-rate " + flags.passRate() + ": must be between 0 and 1");
            }
            if (thresholds.isEmpty()) {
                throw new LlmevalException(ExitStatus.USAGE, "--pass-rate needs a --threshold: it is the share of "
                        + "samples that must reach the threshold");
            }
        }
        List<MaxDrop> maxDrops = MaxDrop.parse(flags.maxDrops(), ExitStatus.USAGE);
        for (MaxDrop drop : maxDrops) {
            // else a typo fails every run as a regression (exit 1) instead of as a usage error
            if (!scored.contains(drop.metricId())) {
                throw new LlmevalException(ExitStatus.USAGE, "--max-drop " + drop.metricId() + "=...: "
                        + (known.contains(drop.metricId()) ? "this run does not score " + drop.metricId()
                                : "unknown metric '" + drop.metricId() + "'")
                        + " (scored: " + String.join(", ", scored) + ")");
            }
        }
        Baseline baseline = flags.baseline() == null ? null : Baseline.read(flags.baseline());
        return new BaselineGate(baseline, maxDrops, flags.significantOnly(), flags.passRate());
    }

    /** Whether {@code --pass-rate} gates the thresholds per sample, instead of on the means. */
    boolean perSample() {
        return passRate != null;
    }

    boolean active() {
        return baseline != null || passRate != null;
    }

    /** Records one finished sample's results. */
    void add(String sampleId, Map<String, MetricResult> results) {
        if (!active()) {
            return;
        }
        results.forEach((metric, r) -> {
            if (r.outcome() == Outcome.SCORED) {
                scores.computeIfAbsent(metric, k -> new LinkedHashMap<>()).put(sampleId, r.score());
            }
            outcomes.computeIfAbsent(metric, k -> new ArrayList<>())
                    .add(new MetricResult(metric, r.outcome(), r.score(), "", null, null));
        });
    }

    List<Comparison> comparisons() {
        List<Comparison> comparisons = new ArrayList<>();
        if (baseline != null) {
            // every metric with a result, also one with none scored: its max drop then says so
            for (String metric : outcomes.keySet()) {
                if (baseline.metrics().contains(metric)) {
                    comparisons.add(Comparisons.compare(metric, baseline.scores(metric),
                            scores.getOrDefault(metric, Map.of())));
                }
            }
        }
        return comparisons;
    }

    /** The comparisons with this run's max drops and the metrics that regressed, for the reports. */
    BaselineReport report(String path, List<Comparison> comparisons) {
        Set<String> regressed = RegressionGate.check(comparisons, maxDrops, significantOnly).stream()
                .map(GateFailure::metricId).collect(Collectors.toSet());
        return BaselineReport.of(path, comparisons, maxDrops, significantOnly, regressed);
    }

    /** The regression and pass-rate failures, to add to the threshold gate's. */
    List<GateFailure> failures(List<Comparison> comparisons, Thresholds thresholds) {
        List<GateFailure> failures = new ArrayList<>();
        if (baseline != null) {
            failures.addAll(RegressionGate.check(comparisons, maxDrops, significantOnly));
        }
        if (passRate != null) {
            thresholds.minimums().forEach((metric, min) -> PassRate.check(metric, min, passRate,
                    outcomes.getOrDefault(metric, List.of())).ifPresent(failures::add));
        }
        return failures;
    }
}
