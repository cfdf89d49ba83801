package dev.llmeval.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The always-include rules: traces worth a reviewer's look whatever the sampling hash says.
 *
 * @param errors a span ended with an error
 * @param refusals the answer refuses ("I can't help with that", "I'm sorry, but ...") or the model
 *     stopped with {@code content_filter}
 * @param negativeFeedback score names that hold user feedback; a value of 0 or less is negative
 *     (thumbs down as 0, or -1)
 * @param scoresBelow online evaluation score name to the threshold under which the trace is included
 */
public record AlwaysInclude(boolean errors, boolean refusals, List<String> negativeFeedback,
        Map<String, Double> scoresBelow) {

    public static final List<String> DEFAULT_FEEDBACK = List.of("user-feedback", "user_feedback", "feedback",
            "thumbs", "user_score");

    public static final AlwaysInclude DEFAULT = new AlwaysInclude(true, true, DEFAULT_FEEDBACK, Map.of());

    public static final AlwaysInclude NONE = new AlwaysInclude(false, false, List.of(), Map.of());

    private static final Pattern REFUSAL = Pattern.compile("(?i)\\b(i can(?:'|’|no)t (?:help|assist|answer|provide|do that)"
            + "|i(?:'m|’m| am) (?:sorry|afraid)|i(?:'m|’m| am) (?:unable|not able) to|i (?:cannot|can not|won't|will not) "
            + "(?:help|assist|answer|provide|share)|i don(?:'|’)t have (?:access|that information|enough information))");

    public AlwaysInclude {
        negativeFeedback = negativeFeedback == null ? List.of() : List.copyOf(negativeFeedback);
        scoresBelow = scoresBelow == null ? Map.of() : Map.copyOf(scoresBelow);
    }

    /** The rules the trace meets, e.g. {@code error}, {@code negative_feedback:thumbs}; empty when none. */
    List<String> matches(Trace trace) {
        List<String> out = new ArrayList<>();
        Signals s = trace.signals();
        if (errors && s.error()) {
            out.add("error");
        }
        for (String name : negativeFeedback) {
            Double v = s.scores().get(name);
            if (v != null && v <= 0) {
                out.add("negative_feedback:" + name);
            }
        }
        scoresBelow.forEach((name, threshold) -> {
            Double v = s.scores().get(name);
            if (v != null && v < threshold) {
                out.add("score_below:" + name);
            }
        });
        if (refusals && (s.finishReasons().contains("content_filter") || s.finishReasons().contains("refusal")
                || (trace.sample() != null && trace.sample().response() != null
                        && REFUSAL.matcher(trace.sample().response()).find()))) {
            out.add("refusal");
        }
        return out;
    }
}
