package dev.llmeval.metric;

import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A custom aspect criterion: the judge answers the criterion's yes/no question about the sample,
 * score 1 for yes and 0 for no. With {@code votes} N above 1 it asks N times, each request
 * numbered (so neither the judge cache nor a deterministic model folds them into one) and sampled
 * at the vote temperature, and the majority decides.
 */
final class AspectCritic implements Metric {

    static final String PROMPT = "criteria/aspect";

    private final Judge judge;
    private final Criterion criterion;
    private final double voteTemperature;

    AspectCritic(Judge judge, Criterion criterion, double voteTemperature) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.criterion = Objects.requireNonNull(criterion, "criterion == null");
        if (criterion.kind() != Criterion.Kind.ASPECT) {
            throw new IllegalArgumentException(criterion.name() + " is not an aspect");
        }
        this.voteTemperature = voteTemperature;
    }

    @Override
    public String id() {
        return criterion.name();
    }

    @Override
    public Set<SampleField> requires() {
        return Set.copyOf(criterion.uses());
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        String input = CriterionInput.render(criterion.uses(), sample);
        int votes = criterion.votes();
        List<CriterionReplies.AspectVerdict> verdicts = new ArrayList<>();
        JudgeUsage usage = JudgeUsage.NONE;
        for (int vote = 1; vote <= votes; vote++) {
            Map<String, Object> variables = Map.of(
                    "definition", criterion.definition(), "sample", input, "vote", voteNote(vote, votes));
            try {
                Judged<CriterionReplies.AspectVerdict> judged = votes == 1
                        ? judge.ask(PROMPT, variables, CriterionReplies.ASPECT)
                        : judge.ask(PROMPT, variables, CriterionReplies.ASPECT, voteTemperature);
                usage = usage.plus(JudgeCosts.of(judged));
                verdicts.add(judged.value());
            } catch (JudgeException e) {
                String which = votes == 1 ? "" : "vote " + vote + " of " + votes + ": ";
                return MetricResult.error(id(), which + e.getMessage(), usage.plus(JudgeCosts.of(e)));
            } catch (RuntimeException e) {
                return MetricResult.error(id(), id() + " failed: " + e, usage);
            }
        }
        return result(verdicts, usage);
    }

    /** Empty for a single verdict; otherwise numbers the request so that each vote is its own. */
    static String voteNote(int vote, int votes) {
        return votes == 1 ? ""
                : "(Independent assessment " + vote + " of " + votes + ": decide from your own reading of the sample.)\n";
    }

    private MetricResult result(List<CriterionReplies.AspectVerdict> verdicts, JudgeUsage usage) {
        List<Boolean> yes = verdicts.stream().map(v -> v.verdict() == 1).toList();
        boolean decision = CriterionScoring.majority(yes);
        long agreeing = yes.stream().filter(v -> v == decision).count();
        String because = verdicts.stream().filter(v -> (v.verdict() == 1) == decision)
                .map(CriterionReplies.AspectVerdict::reason).filter(r -> !r.isEmpty()).findFirst().orElse("");
        String reason = (decision ? "yes" : "no")
                + (verdicts.size() == 1 ? "" : " (" + agreeing + " of " + verdicts.size() + " votes)")
                + (because.isEmpty() ? "" : ": " + because);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("vote", i + 1);
            row.put("verdict", yes.get(i));
            row.put("reason", verdicts.get(i).reason());
            rows.add(row);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("criterion", criterion.definition());
        details.put("votes", rows);
        return MetricResult.scored(id(), decision ? 1.0 : 0.0, reason, details, usage);
    }
}
