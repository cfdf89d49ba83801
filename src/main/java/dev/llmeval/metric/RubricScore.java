package dev.llmeval.metric;

import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A custom rubric criterion: the judge grades the sample from 1 to 5 against the criterion's
 * descriptions, with feedback; the score is (s - 1) / 4. A grade that is not a whole number from
 * 1 to 5 is a format error: repaired once, then an error result.
 */
final class RubricScore implements Metric {

    static final String PROMPT = "criteria/rubric";
    static final String NO_DEFINITION = "The sample as a whole, as the scale below describes.";

    private final Judge judge;
    private final Criterion criterion;

    RubricScore(Judge judge, Criterion criterion) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.criterion = Objects.requireNonNull(criterion, "criterion == null");
        if (criterion.kind() != Criterion.Kind.RUBRIC) {
            throw new IllegalArgumentException(criterion.name() + " is not a rubric");
        }
    }

    @Override
    public String id() {
        return criterion.name();
    }

    @Override
    public Set<SampleField> requires() {
        return Set.copyOf(criterion.uses());
    }

    /** The criterion's own prompt variables: what to grade and the scale. */
    static Map<String, Object> criterionVariables(Criterion criterion) {
        return Map.of(
                "definition", criterion.definition().isEmpty() ? NO_DEFINITION : criterion.definition(),
                "rubric", criterion.rubric().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().strip())
                        .collect(Collectors.joining("\n")));
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        Map<String, Object> variables = new LinkedHashMap<>(criterionVariables(criterion));
        variables.put("sample", CriterionInput.render(criterion.uses(), sample));
        try {
            Judged<CriterionReplies.RubricGrade> judged = judge.ask(PROMPT, variables, CriterionReplies.RUBRIC);
            JudgeUsage usage = JudgeCosts.of(judged);
            int grade = judged.value().value();
            String feedback = judged.value().feedback();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("grade", grade);
            details.put("description", criterion.rubric().get(grade));
            details.put("feedback", feedback);
            return MetricResult.scored(id(), CriterionScoring.rubric(grade),
                    grade + " of 5" + (feedback.isEmpty() ? "" : ": " + feedback), details, usage);
        } catch (JudgeException e) {
            return MetricResult.error(id(), e.getMessage(), JudgeCosts.of(e));
        } catch (RuntimeException e) {
            return MetricResult.error(id(), id() + " failed: " + e, JudgeUsage.NONE);
        }
    }
}
