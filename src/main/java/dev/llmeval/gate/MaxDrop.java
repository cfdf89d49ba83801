package dev.llmeval.gate;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a metric's mean may drop below the baseline's before the gate fails.
 *
 * @param metricId the metric
 * @param amount the allowed drop in [0, 1]: absolute score points, or, when {@code relative}, a
 *     fraction of the baseline mean ({@code 5%} is stored as 0.05)
 * @param relative whether {@code amount} is a fraction of the baseline mean
 */
public record MaxDrop(String metricId, double amount, boolean relative) {

    private static final Pattern SPEC = Pattern.compile(
            "\\s*([a-z][a-z0-9_]*)\\s*=\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(%?)\\s*");

    public MaxDrop {
        Objects.requireNonNull(metricId, "metricId == null");
        if (Double.isNaN(amount) || amount < 0.0 || amount > 1.0) {
            throw new IllegalArgumentException("max drop " + metricId + "=" + amount + " not in [0, 1]");
        }
    }

    /** The drop allowed from {@code baselineMean}: the amount itself, or amount × baseline mean. */
    public double allowed(double baselineMean) {
        return relative ? amount * baselineMean : amount;
    }

    /**
     * Parses {@code metric=drop} specs: {@code faithfulness=0.05} allows a drop of 0.05 score
     * points, {@code faithfulness=5%} a drop of 5% of the baseline mean.
     *
     * @param onError the status of the exception for a bad spec: USAGE for command-line flags,
     *     INVALID_INPUT for a config file
     * @return the drops sorted by metric id
     * @throws LlmevalException for a malformed spec, an absolute drop outside [0, 1], a relative
     *     one outside [0%, 100%], or a metric named twice
     */
    public static List<MaxDrop> parse(List<String> specs, ExitStatus onError) {
        List<MaxDrop> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String spec : specs) {
            String text = spec == null ? "" : spec;
            Matcher m = SPEC.matcher(text);
            if (!m.matches()) {
                throw new LlmevalException(onError, prefix(text) + problem(text));
            }
            String id = m.group(1);
            double value = Double.parseDouble(m.group(2));
            boolean relative = !m.group(3).isEmpty();
            if (relative && value > 100.0) {
                throw new LlmevalException(onError, prefix(text) + "a percentage must be between 0% and 100%");
            }
            if (!relative && value > 1.0) {
                throw new LlmevalException(onError,
                        prefix(text) + "the drop must be between 0 and 1 (or a percentage such as 5%)");
            }
            if (!seen.add(id)) {
                throw new LlmevalException(onError, prefix(text) + "a max drop for " + id + " is already set");
            }
            parsed.add(new MaxDrop(id, relative ? value / 100.0 : value, relative));
        }
        parsed.sort(Comparator.comparing(MaxDrop::metricId));
        return List.copyOf(parsed);
    }

    private static String prefix(String spec) {
        return "--max-drop '" + spec + "': ";
    }

    private static String problem(String spec) {
        return MetricSpecs.problem(spec, "expected metric=drop, e.g. faithfulness=0.05 or faithfulness=5%",
                "a number between 0 and 1 or a percentage");
    }
}
