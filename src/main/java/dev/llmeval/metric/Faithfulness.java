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
 * Faithfulness: the share of the answer's factual statements that the retrieved context
 * supports. Two judge calls: split the answer into statements, then check them all against the
 * joined contexts. The denominator is the number of verdicts returned. An answer without
 * statements is NOT_APPLICABLE; with no context at all, every statement counts as unsupported
 * without a second call.
 */
public final class Faithfulness implements Metric {

    public static final String ID = "faithfulness";
    static final String STATEMENTS_PROMPT = "faithfulness/statements";
    static final String VERDICTS_PROMPT = "faithfulness/verdicts";
    private static final String NO_STATEMENTS = "the answer makes no factual statements";

    private final Judge judge;

    public Faithfulness(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS);
    }

    public static List<String> promptIds() {
        return List.of(STATEMENTS_PROMPT, VERDICTS_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (Texts.isBlank(sample.answer())) {
            return MetricResult.notApplicable(ID, NO_STATEMENTS, Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.Statements> extracted = judge.ask(
                    STATEMENTS_PROMPT,
                    Map.of("question", sample.question(), "answer", sample.answer()),
                    Replies.STATEMENTS);
            usage = JudgeCosts.of(extracted);
            List<String> statements = extracted.value().statements().stream()
                    .filter(s -> !Texts.isBlank(s)).map(String::strip).toList();
            if (statements.isEmpty()) {
                return MetricResult.notApplicable(ID, NO_STATEMENTS, Map.of(), usage);
            }
            if (sample.contexts().isEmpty()) {
                List<Verdict> none = statements.stream()
                        .map(s -> new Verdict(s, false, "no context was retrieved")).toList();
                return result(none, "no context was retrieved, so none of the " + statements.size()
                        + " statements is supported", "", usage);
            }
            Judged<Replies.StatementVerdicts> judged = judge.ask(
                    VERDICTS_PROMPT,
                    Map.of("context", String.join("\n", sample.contexts()),
                            "statements", Texts.numbered(statements)),
                    Replies.verdictsFor(statements.size()));
            usage = usage.plus(JudgeCosts.of(judged));
            List<Verdict> verdicts = verdicts(judged.value(), statements);
            if (verdicts.isEmpty()) {
                return MetricResult.error(
                        ID, "the judge returned no verdicts for " + statements.size() + " statements", usage);
            }
            String note = verdicts.size() == statements.size() ? ""
                    : " (the judge returned " + verdicts.size() + " verdicts for " + statements.size() + " statements)";
            return result(verdicts, null, note, usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "faithfulness failed: " + e, usage);
        }
    }

    private record Verdict(String statement, boolean supported, String reason) {}

    private static List<Verdict> verdicts(Replies.StatementVerdicts reply, List<String> statements) {
        List<Verdict> verdicts = new ArrayList<>();
        List<Replies.StatementVerdict> items = reply.verdicts();
        for (int i = 0; i < items.size(); i++) {
            Replies.StatementVerdict item = items.get(i);
            String statement = !Texts.isBlank(item.statement()) ? item.statement()
                    : i < statements.size() ? statements.get(i) : "";
            verdicts.add(new Verdict(statement, item.verdict() == 1, item.reason() == null ? "" : item.reason()));
        }
        return verdicts;
    }

    /** {@code fixedReason} replaces the reason built from the verdicts; {@code note} is appended. */
    private static MetricResult result(List<Verdict> verdicts, String fixedReason, String note, JudgeUsage usage) {
        double score = Scoring.share(verdicts.stream().map(Verdict::supported).toList()).orElseThrow();
        List<String> unsupported = verdicts.stream().filter(v -> !v.supported()).map(Verdict::statement).toList();
        String text = fixedReason != null ? fixedReason
                : (unsupported.isEmpty() ? "all " + verdicts.size() + " statements are supported by the context"
                        : unsupported.size() + " of " + verdicts.size() + " statements not supported: "
                                + Texts.quoted(unsupported)) + note;
        List<Map<String, Object>> details = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("statement", v.statement());
            row.put("supported", v.supported());
            row.put("reason", v.reason());
            details.add(row);
        }
        return MetricResult.scored(ID, score, text, Map.of("statements", details), usage);
    }
}
