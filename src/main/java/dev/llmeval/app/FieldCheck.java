package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Plural;
import dev.llmeval.dataset.Dataset;
import dev.llmeval.gate.Thresholds;
import dev.llmeval.metric.Metric;
import dev.llmeval.metric.MetricResult;
import dev.llmeval.metric.NeedsLlmJudge;
import dev.llmeval.metric.SampleField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks, before any judge call, that each sample has the fields its metrics need. A missing
 * question or response is an error; a missing field of a metric the user named is an error; a
 * missing field of a default metric skips that sample × metric.
 */
final class FieldCheck {

    private static final String SAMPLE_HAS = "the sample has ";

    private FieldCheck() {}

    /**
     * @param supplied fields that the RAG system under test will supply (response, contexts)
     * @return the skipped results, by sample index and then metric id
     */
    static Map<Integer, Map<String, MetricResult>> check(Dataset dataset, SampleFacts samples,
            List<Metric> metrics, boolean explicit, Set<SampleField> supplied) {
        Set<String> problems = new LinkedHashSet<>();
        String first = null;
        Map<Integer, Map<String, MetricResult>> skipped = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            for (Metric metric : metrics) {
                List<SampleField> missing = new ArrayList<>();
                for (SampleField field : EnumSet.copyOf(metric.requires())) {
                    if (!samples.has(i, field) && !supplied.contains(field)) {
                        missing.add(field);
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                boolean fatal = false;
                for (SampleField field : missing) {
                    if (explicit || field == SampleField.QUESTION || field == SampleField.ANSWER) {
                        fatal = true;
                        if (problems.add(i + ":" + field) && first == null) {
                            first = dataset.location(i) + ": field '" + field.columnName() + "' is missing"
                                    + why(field, metric.id(), explicit);
                        }
                    }
                }
                if (!fatal) {
                    skipped.computeIfAbsent(i, k -> new HashMap<>()).put(metric.id(),
                            MetricResult.skipped(metric.id(), SAMPLE_HAS + "no " + names(missing)));
                }
            }
        }
        if (first != null) {
            String more = problems.size() == 1 ? ""
                    : " (and " + Plural.of(problems.size() - 1, "more missing field") + ")";
            throw new LlmevalException(ExitStatus.INVALID_INPUT, first + more);
        }
        return skipped;
    }

    /**
     * What will be skipped before any judge call, one line per metric that skips a sample: {@code
     * context_recall is skipped on 3 of 20 samples: no 'reference'}.
     */
    static List<String> skippedSummary(Map<Integer, Map<String, MetricResult>> skipped, List<Metric> metrics,
            int samples) {
        List<String> lines = new ArrayList<>();
        for (Metric metric : metrics) {
            if (metric instanceof NeedsLlmJudge) {
                continue; // said apart: the whole metric needs an LLM judge
            }
            Map<String, Long> reasons = skipped.values().stream()
                    .map(byMetric -> byMetric.get(metric.id()))
                    .filter(result -> result != null && result.reason().startsWith(SAMPLE_HAS))
                    .collect(Collectors.groupingBy(MetricResult::reason, LinkedHashMap::new, Collectors.counting()));
            long count = reasons.values().stream().mapToLong(Long::longValue).sum();
            if (count == 0) {
                continue;
            }
            String why = reasons.entrySet().stream()
                    .map(e -> (reasons.size() == 1 ? "" : e.getValue() + (e.getValue() == 1 ? " has " : " have "))
                            + e.getKey().replace(SAMPLE_HAS, ""))
                    .collect(Collectors.joining(", "));
            lines.add(metric.id() + " is skipped on " + count + " of " + Plural.of(samples, "sample") + ": " + why);
        }
        return lines;
    }

    /**
     * A threshold on a metric that no sample can be scored for would fail every run for a reason
     * that is not quality: refuse it before any call (exit 3), naming why.
     */
    static void requireScorable(Thresholds thresholds, Map<Integer, Map<String, MetricResult>> skipped,
            List<Metric> metrics, int samples) {
        for (Metric metric : metrics) {
            if (thresholds.minimum(metric.id()).isEmpty()) {
                continue;
            }
            String why = null;
            if (metric instanceof NeedsLlmJudge) {
                why = "it needs an LLM judge and the offline judge scores this run; set --judge or judge.provider "
                        + "in llmeval.yaml";
            } else {
                Set<String> reasons = new LinkedHashSet<>();
                int count = 0;
                for (Map<String, MetricResult> byMetric : skipped.values()) {
                    MetricResult result = byMetric.get(metric.id());
                    if (result != null) {
                        count++;
                        reasons.add(result.reason());
                    }
                }
                if (count == samples && samples > 0) {
                    why = "every sample is skipped (" + reasons.stream().map(r -> r.replace(SAMPLE_HAS, ""))
                            .collect(Collectors.joining(", ")) + ")";
                }
            }
            if (why != null) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, metric.id()
                        + " has a threshold, but no sample can be scored for it: " + why);
            }
        }
    }

    private static String names(List<SampleField> fields) {
        return fields.stream().map(f -> "'" + f.columnName() + "'").collect(Collectors.joining(" or "));
    }

    private static String why(SampleField field, String metricId, boolean explicit) {
        return switch (field) {
            case QUESTION -> "; every metric needs the question";
            case ANSWER -> "; " + metricId + " scores the response stored in the golden set";
            default -> "; " + metricId + " needs it" + (explicit ? " (requested explicitly)" : "");
        };
    }
}
