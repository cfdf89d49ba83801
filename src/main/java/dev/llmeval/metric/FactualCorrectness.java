package dev.llmeval.metric;

import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Factual correctness: the response and the reference are broken into claims, and each side's
 * claims are checked against the other text (the faithfulness verdict prompt). Response claims
 * the reference supports are TP, the others FP; reference claims the response does not support
 * are FN. The score is precision TP/(TP+FP), recall TP/(TP+FN) or F-beta, exactly and unrounded;
 * with nothing to divide it is NOT_APPLICABLE. In precision mode the reference is not decomposed.
 */
public final class FactualCorrectness implements Metric {

    public static final String ID = "factual_correctness";
    static final String VERIFY_PROMPT = Faithfulness.VERDICTS_PROMPT;
    static final List<String> LEVELS = List.of("low", "high");

    /** What the score measures. */
    public enum Mode {
        PRECISION, RECALL, F1;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Judge judge;
    private final Mode mode;
    private final double beta;
    private final String atomicity;
    private final String coverage;

    /**
     * @param atomicity {@code low} (related facts may share a claim) or {@code high} (one fact a claim)
     * @param coverage {@code low} (minor details may be left out) or {@code high} (every fact kept)
     * @throws IllegalArgumentException for a bad beta or level
     */
    public FactualCorrectness(Judge judge, Mode mode, double beta, String atomicity, String coverage) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.mode = Objects.requireNonNull(mode, "mode == null");
        if (!AnswerCorrectness.validBeta(beta)) {
            throw new IllegalArgumentException("beta must be a finite number > 0, got " + beta);
        }
        if (!LEVELS.contains(atomicity) || !LEVELS.contains(coverage)) {
            throw new IllegalArgumentException("atomicity and coverage must be low or high, got "
                    + atomicity + " and " + coverage);
        }
        this.beta = beta;
        this.atomicity = atomicity;
        this.coverage = coverage;
    }

    /**
     * Built from {@code metric-options: factual_correctness:} ({@code mode}, {@code beta},
     * {@code atomicity}, {@code coverage}).
     *
     * @throws IllegalArgumentException naming the file, line and option when an option is bad
     */
    public static FactualCorrectness of(Judge judge, MetricOptions options) {
        Settings settings = Settings.from(options);
        return new FactualCorrectness(judge, settings.mode(), settings.beta(), settings.atomicity(),
                settings.coverage());
    }

    /**
     * The prompts used with these options: the claim prompt they pick, then the verdict prompt.
     *
     * @throws IllegalArgumentException naming the file, line and option when an option is bad
     */
    public static List<String> promptIds(MetricOptions options) {
        Settings settings = Settings.from(options);
        return List.of(claimsPrompt(settings.atomicity(), settings.coverage()), VERIFY_PROMPT);
    }

    private record Settings(Mode mode, double beta, String atomicity, String coverage) {
        static Settings from(MetricOptions options) {
            options.allowOnly(Set.of("mode", "beta", "atomicity", "coverage"));
            String mode = options.choice("mode", "f1", List.of("precision", "recall", "f1"));
            double beta = options.number("beta", AnswerCorrectness.DEFAULT_BETA);
            if (!AnswerCorrectness.validBeta(beta)) {
                throw options.problem("beta", "must be greater than 0, got " + beta);
            }
            return new Settings(Mode.valueOf(mode.toUpperCase(Locale.ROOT)), beta,
                    options.choice("atomicity", "low", LEVELS), options.choice("coverage", "low", LEVELS));
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.ANSWER, SampleField.REFERENCE);
    }

    /** The claim prompt for an atomicity and coverage level, e.g. {@code factual_correctness/claims-atomicity-low-coverage-low}. */
    static String claimsPrompt(String atomicity, String coverage) {
        return ID + "/claims-atomicity-" + atomicity + "-coverage-" + coverage;
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        Cost cost = new Cost();
        try {
            boolean blankResponse = Texts.isBlank(sample.answer());
            List<String> responseClaims = blankResponse ? List.of() : claims(sample.answer(), cost);
            List<Checked> response = check(responseClaims, sample.reference(), "", cost);
            List<Checked> reference = null;
            if (mode != Mode.PRECISION) {
                List<String> referenceClaims = claims(sample.reference(), cost);
                reference = check(referenceClaims, blankResponse ? "" : sample.answer(), "the response is empty", cost);
            }
            return result(response, reference, cost.usage);
        } catch (NoVerdicts e) {
            return MetricResult.error(ID, e.getMessage(), cost.usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), cost.usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "factual correctness failed: " + e, cost.usage);
        }
    }

    /** Judge usage summed over the steps of one score; local to that call. */
    private static final class Cost {
        JudgeUsage usage = JudgeUsage.NONE;

        <T> T add(Judged<T> judged) {
            usage = usage.plus(JudgeCosts.of(judged));
            return judged.value();
        }
    }

    private static final class NoVerdicts extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoVerdicts(String message) {
            super(message);
        }
    }

    /** A claim and whether the other text supports it. */
    private record Checked(String claim, boolean supported, String reason) {}

    private List<String> claims(String text, Cost cost) {
        CorrectnessReplies.Claims reply = cost.add(judge.ask(claimsPrompt(atomicity, coverage),
                Map.of("text", text), CorrectnessReplies.CLAIMS));
        return reply.claims().stream().filter(c -> !Texts.isBlank(c)).map(String::strip).toList();
    }

    /**
     * Checks claims against {@code against}; no call when there are no claims, and none when the
     * other text is blank (it supports nothing; {@code blankReason} says so).
     */
    private List<Checked> check(List<String> claims, String against, String blankReason, Cost cost) {
        if (claims.isEmpty()) {
            return List.of();
        }
        if (Texts.isBlank(against)) {
            return claims.stream().map(c -> new Checked(c, false, blankReason)).toList();
        }
        Replies.StatementVerdicts reply = cost.add(judge.ask(VERIFY_PROMPT,
                Map.of("context", against, "statements", Texts.numbered(claims)), Replies.verdictsFor(claims.size())));
        if (reply.verdicts().isEmpty()) {
            throw new NoVerdicts("the judge returned no verdicts for " + claims.size() + " claims");
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < reply.verdicts().size(); i++) {
            Replies.StatementVerdict v = reply.verdicts().get(i);
            String claim = !Texts.isBlank(v.statement()) ? v.statement().strip()
                    : i < claims.size() ? claims.get(i) : "";
            checked.add(new Checked(claim, v.verdict() == 1, v.reason() == null ? "" : v.reason()));
        }
        return checked;
    }

    /** {@code reference} is null in precision mode. */
    private MetricResult result(List<Checked> response, List<Checked> reference, JudgeUsage usage) {
        int tp = (int) response.stream().filter(Checked::supported).count();
        int fp = response.size() - tp;
        int fn = reference == null ? 0 : (int) reference.stream().filter(c -> !c.supported()).count();
        OptionalDouble precision = Scoring.precision(tp, fp);
        OptionalDouble recall = reference == null ? OptionalDouble.empty() : Scoring.recall(tp, fn);
        OptionalDouble score = switch (mode) {
            case PRECISION -> precision;
            case RECALL -> recall;
            case F1 -> Scoring.fBeta(tp, fp, fn, beta);
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode.id());
        if (mode == Mode.F1) {
            details.put("beta", beta);
        }
        details.put("atomicity", atomicity);
        details.put("coverage", coverage);
        details.put("tp", tp);
        details.put("fp", fp);
        if (reference != null) {
            details.put("fn", fn);
        }
        precision.ifPresent(p -> details.put("precision", p));
        recall.ifPresent(r -> details.put("recall", r));
        details.put("response_claims", rows(response));
        if (reference != null) {
            details.put("reference_claims", rows(reference));
        }
        if (score.isEmpty()) {
            return MetricResult.notApplicable(ID, undefined(response, reference), details, usage);
        }
        return MetricResult.scored(ID, score.getAsDouble(), reason(score.getAsDouble(), response, reference),
                details, usage);
    }

    /** Why there is nothing to divide: TP + FP = 0 (precision), TP + FN = 0 (recall) or all three 0 (f1). */
    private String undefined(List<Checked> response, List<Checked> reference) {
        if (mode == Mode.PRECISION) {
            return "the response makes no claims";
        }
        if (response.isEmpty() && reference.isEmpty()) {
            return "neither the response nor the reference makes a claim";
        }
        if (mode == Mode.RECALL) {
            return "recall is undefined: no response claim is supported by the reference and no reference claim"
                    + " is missing from the response";
        }
        return "f1 is undefined: the response makes no claims and no reference claim is missing from it";
    }

    private String reason(double score, List<Checked> response, List<Checked> reference) {
        List<String> unsupported = response.stream().filter(c -> !c.supported()).map(Checked::claim).toList();
        StringBuilder text = new StringBuilder(mode.id()).append(' ').append(Texts.twoDecimals(score)).append(": ")
                .append(response.size() - unsupported.size()).append(" of ").append(response.size())
                .append(" response claims supported by the reference");
        List<String> missing = List.of();
        if (reference != null) {
            missing = reference.stream().filter(c -> !c.supported()).map(Checked::claim).toList();
            text.append(", ").append(missing.size()).append(" of ").append(reference.size())
                    .append(" reference claims missing from the response");
        }
        if (!unsupported.isEmpty()) {
            text.append("; unsupported: ").append(Texts.quoted(unsupported));
        }
        if (!missing.isEmpty()) {
            text.append("; missing: ").append(Texts.quoted(missing));
        }
        return text.toString();
    }

    private static List<Map<String, Object>> rows(List<Checked> claims) {
        return claims.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("claim", c.claim());
            row.put("supported", c.supported());
            row.put("reason", c.reason());
            return row;
        }).toList();
    }
}
