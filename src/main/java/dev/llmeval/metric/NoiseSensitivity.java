package dev.llmeval.metric;

import dev.llmeval.Plural;
import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Noise sensitivity (lower is better): the share of the response's statements that are incorrect
 * and were supported by a retrieved chunk, i.e. where the retrieval misled the response. A
 * statement is incorrect when the reference does not support it; a chunk is relevant when it
 * supports a statement of the reference. {@code noise_sensitivity_relevant} counts incorrect
 * statements supported by a relevant chunk, {@code noise_sensitivity_irrelevant} those supported
 * only by irrelevant chunks (see {@link Scoring#noiseSensitivity}).
 *
 * <p>Judge calls, in order: the response's statements and their verdicts against the reference
 * (the faithfulness prompts, so a faithfulness run's identical first call is a cache hit); when
 * a statement is incorrect, the reference's statements and one call that lists, for those and
 * the incorrect statements, the chunks supporting each. 2 calls when the reference supports
 * every statement, else 4, whatever the number of chunks K (RAGAS: 2K + 3). Both modes send the
 * same requests, so with the judge cache on, the second mode of a sample costs no calls.
 */
public final class NoiseSensitivity implements Metric {

    public static final String RELEVANT_ID = "noise_sensitivity_relevant";
    public static final String IRRELEVANT_ID = "noise_sensitivity_irrelevant";
    static final String CHUNK_SUPPORT_PROMPT = "noise_sensitivity/chunk-support";

    private static final String NO_STATEMENTS = "the response makes no factual statements";

    private final Judge judge;
    private final boolean relevant;

    /** @param relevant true for {@code noise_sensitivity_relevant}, false for the irrelevant mode */
    public NoiseSensitivity(Judge judge, boolean relevant) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.relevant = relevant;
    }

    @Override
    public String id() {
        return relevant ? RELEVANT_ID : IRRELEVANT_ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.QUESTION, SampleField.ANSWER, SampleField.CONTEXTS, SampleField.REFERENCE);
    }

    public static List<String> promptIds() {
        return List.of(Faithfulness.STATEMENTS_PROMPT, Faithfulness.VERDICTS_PROMPT, CHUNK_SUPPORT_PROMPT);
    }

    /** One response statement: whether the reference supports it, why, and the chunks supporting it. */
    private record Checked(String statement, boolean correct, String reason, Set<Integer> chunks) {}

    /** Usage so far, and why a reply could not be used; confined to one score call. */
    private static final class Work {
        JudgeUsage usage = JudgeUsage.NONE;
        String problem;
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (Texts.isBlank(sample.answer())) {
            return MetricResult.notApplicable(id(), NO_STATEMENTS, Map.of(), JudgeUsage.NONE);
        }
        List<String> chunks = sample.contexts();
        if (chunks.isEmpty()) {
            return MetricResult.notApplicable(id(), "no contexts were retrieved, so none can have misled the response",
                    Map.of(), JudgeUsage.NONE);
        }
        Work work = new Work();
        try {
            List<String> statements = statements(sample.question(), sample.answer(), work);
            if (statements.isEmpty()) {
                return MetricResult.notApplicable(id(), NO_STATEMENTS, Map.of(), work.usage);
            }
            Judged<Replies.StatementVerdicts> againstReference = judge.ask(
                    Faithfulness.VERDICTS_PROMPT,
                    Map.of("context", sample.reference(), "statements", Texts.numbered(statements)),
                    Replies.verdictsFor(statements.size(), true));
            work.usage = work.usage.plus(JudgeCosts.of(againstReference));
            List<Replies.StatementVerdict> verdicts = againstReference.value().verdicts();
            if (verdicts.size() != statements.size()) {
                return MetricResult.error(id(), "the judge returned " + Plural.of(verdicts.size(), "verdict")
                        + " against the reference for " + Plural.of(statements.size(), "response statement"),
                        work.usage);
            }
            List<Integer> incorrect = new ArrayList<>();
            for (int i = 0; i < verdicts.size(); i++) {
                if (verdicts.get(i).verdict() == 0) {
                    incorrect.add(i);
                }
            }
            Map<Integer, Set<Integer>> support = new HashMap<>();
            Set<Integer> relevantChunks = new TreeSet<>();
            int referenceCount = 0;
            if (!incorrect.isEmpty()) {
                List<String> reference = statements(sample.question(), sample.reference(), work);
                referenceCount = reference.size();
                List<String> asked = new ArrayList<>(reference);
                incorrect.forEach(i -> asked.add(statements.get(i)));
                List<Set<Integer>> sets = chunkSupport(asked, chunks, work);
                if (sets == null) {
                    return MetricResult.error(id(), work.problem, work.usage);
                }
                for (int g = 0; g < reference.size(); g++) {
                    relevantChunks.addAll(sets.get(g));
                }
                for (int k = 0; k < incorrect.size(); k++) {
                    support.put(incorrect.get(k), sets.get(reference.size() + k));
                }
            }
            List<Checked> checked = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                Replies.StatementVerdict v = verdicts.get(i);
                checked.add(new Checked(statements.get(i), v.verdict() == 1, v.reason() == null ? "" : v.reason(),
                        support.getOrDefault(i, Set.of())));
            }
            return result(checked, relevantChunks, referenceCount, work.usage);
        } catch (JudgeException e) {
            return MetricResult.error(id(), e.getMessage(), work.usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(id(), id() + " failed: " + e, work.usage);
        }
    }

    /** The faithfulness statement step on a text (the response, or the reference). */
    private List<String> statements(String question, String text, Work work) {
        Judged<Replies.Statements> extracted = judge.ask(
                Faithfulness.STATEMENTS_PROMPT, Map.of("question", question, "answer", text), Replies.STATEMENTS);
        work.usage = work.usage.plus(JudgeCosts.of(extracted));
        return extracted.value().statements().stream().filter(s -> !Texts.isBlank(s)).map(String::strip).toList();
    }

    /**
     * For each statement, the 1-based numbers of the chunks that support it; chunk numbers out of
     * range are dropped. Null, with {@code work.problem} set, when a statement has no entry.
     */
    private List<Set<Integer>> chunkSupport(List<String> statements, List<String> chunks, Work work) {
        Judged<Replies.StatementChunks> judged = judge.ask(
                CHUNK_SUPPORT_PROMPT,
                Map.of("chunks", Texts.bracketNumbered(chunks), "statements", Texts.numbered(statements)),
                Replies.STATEMENT_CHUNKS.requiring(reply -> missingStatements(reply, statements.size())));
        work.usage = work.usage.plus(JudgeCosts.of(judged));
        work.problem = missingStatements(judged.value(), statements.size());
        if (work.problem != null) {
            return null;
        }
        Map<Integer, Set<Integer>> byStatement = new HashMap<>();
        for (Replies.StatementChunk entry : judged.value().statements()) {
            Set<Integer> supporting = new TreeSet<>();
            entry.chunks().stream().filter(c -> c >= 1 && c <= chunks.size()).forEach(supporting::add);
            byStatement.putIfAbsent(entry.statement(), supporting);
        }
        List<Set<Integer>> sets = new ArrayList<>();
        for (int n = 1; n <= statements.size(); n++) {
            sets.add(byStatement.get(n));
        }
        return sets;
    }

    /** Which statements the reply has no entry for, as a message; null when it covers them all. */
    private static String missingStatements(Replies.StatementChunks reply, int statements) {
        Set<Integer> answered = new HashSet<>();
        reply.statements().forEach(entry -> answered.add(entry.statement()));
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= statements; n++) {
            if (!answered.contains(n)) {
                missing.add(n);
            }
        }
        return missing.isEmpty() ? null : "the judge gave no chunk verdicts for "
                + (missing.size() == 1 ? "statement " : "statements ") + Texts.joinNumbers(missing) + " of " + statements;
    }

    private MetricResult result(List<Checked> checked, Set<Integer> relevantChunks, int referenceCount,
            JudgeUsage usage) {
        List<Boolean> incorrect = checked.stream().map(c -> !c.correct()).toList();
        List<Set<Integer>> supports = checked.stream().map(Checked::chunks).toList();
        double score = Scoring.noiseSensitivity(incorrect, supports, relevantChunks, relevant).orElseThrow();
        List<String> counted = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Checked c : checked) {
            boolean misled = !c.correct() && Scoring.misledBy(c.chunks(), relevantChunks, relevant);
            if (misled) {
                counted.add(c.statement());
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("statement", c.statement());
            row.put("correct", c.correct());
            row.put("reason", c.reason());
            row.put("supporting_chunks", List.copyOf(c.chunks()));
            row.put("counted", misled);
            rows.add(row);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("relevant_chunks", List.copyOf(relevantChunks));
        details.put("reference_statements", referenceCount);
        details.put("statements", rows);
        int n = checked.size();
        long wrong = incorrect.stream().filter(Boolean::booleanValue).count();
        String kind = relevant ? "a relevant chunk" : "only irrelevant chunks";
        String reason;
        if (wrong == 0) {
            reason = n == 1 ? "the reference supports the only response statement"
                    : "the reference supports all " + n + " response statements";
        } else if (counted.isEmpty()) {
            reason = wrong + " of " + n + " response statements are incorrect, none of them supported by " + kind;
        } else {
            reason = counted.size() + " of " + n + " response statements are incorrect and supported by " + kind
                    + ": " + Texts.quoted(counted);
        }
        return MetricResult.scored(id(), score, reason, details, usage);
    }
}
