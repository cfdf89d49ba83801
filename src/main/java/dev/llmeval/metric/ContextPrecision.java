package dev.llmeval.metric;

import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Context precision (against the reference) or context utilization (against the answer):
 * rank-aware average precision of the chunks the judge finds useful. By default all chunks are
 * judged in one call; {@code perChunk} makes one call per chunk, as RAGAS does.
 */
public final class ContextPrecision implements Metric {

    public static final String PRECISION_ID = "context_precision";
    public static final String UTILIZATION_ID = "context_utilization";
    static final String CHUNKS_PROMPT = "context_precision/chunks";
    static final String CHUNK_PROMPT = "context_precision/chunk";

    private final Judge judge;
    private final boolean useReference;
    private final boolean perChunk;

    public ContextPrecision(Judge judge, boolean useReference, boolean perChunk) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
        this.useReference = useReference;
        this.perChunk = perChunk;
    }

    @Override
    public String id() {
        return useReference ? PRECISION_ID : UTILIZATION_ID;
    }

    @Override
    public Set<SampleField> requires() {
        return useReference
                ? Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.REFERENCE)
                : Set.of(SampleField.QUESTION, SampleField.CONTEXTS, SampleField.ANSWER);
    }

    public static List<String> promptIds(boolean perChunk) {
        return List.of(perChunk ? CHUNK_PROMPT : CHUNKS_PROMPT);
    }

    /** The prompt this instance uses. */
    public List<String> prompts() {
        return promptIds(perChunk);
    }

    private record ChunkResult(int rank, boolean useful, String reason) {}

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        List<String> chunks = sample.contexts();
        if (chunks == null || chunks.isEmpty()) {
            return MetricResult.notApplicable(id(), "no contexts were retrieved", Map.of(), JudgeUsage.NONE);
        }
        String answer = useReference ? sample.reference() : sample.answer();
        Usage usage = new Usage();
        try {
            List<ChunkResult> results = perChunk
                    ? oneCallPerChunk(sample.question(), answer, chunks, usage)
                    : oneCall(sample.question(), answer, chunks, usage);
            if (results == null) {
                return MetricResult.error(id(), usage.missing, usage.total);
            }
            double score = Scoring.averagePrecision(results.stream().map(ChunkResult::useful).toList())
                    .orElseThrow();
            return MetricResult.scored(id(), score, reason(results), Map.of("chunks", details(results)), usage.total);
        } catch (JudgeException e) {
            return MetricResult.error(id(), e.getMessage(), usage.total.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(id(), id() + " failed: " + e, usage.total);
        }
    }

    /** Usage so far, and why verdicts were missing; confined to one score call. */
    private static final class Usage {
        JudgeUsage total = JudgeUsage.NONE;
        String missing;
    }

    private List<ChunkResult> oneCall(String question, String answer, List<String> chunks, Usage usage) {
        Judged<Replies.ChunkVerdicts> judged = judge.ask(
                CHUNKS_PROMPT,
                Map.of("question", question, "answer", answer, "chunks", Texts.bracketNumbered(chunks)),
                Replies.CHUNK_VERDICTS.requiring(reply -> {
                    List<Integer> missing = missingChunks(reply, chunks.size());
                    return missing.isEmpty() ? null : "no verdict for " + chunkNumbers(missing) + " of the "
                            + chunks.size() + " CHUNKS: give one for each";
                }));
        usage.total = JudgeCosts.of(judged);
        List<Integer> missing = missingChunks(judged.value(), chunks.size());
        if (!missing.isEmpty()) {
            usage.missing = "the judge gave no verdict for " + chunkNumbers(missing) + " of " + chunks.size();
            return null;
        }
        Map<Integer, Replies.ChunkVerdict> byChunk = byChunk(judged.value().verdicts(), chunks.size());
        List<ChunkResult> results = new ArrayList<>();
        for (int rank = 1; rank <= chunks.size(); rank++) {
            Replies.ChunkVerdict v = byChunk.get(rank);
            results.add(new ChunkResult(rank, v.useful() == 1, v.reason() == null ? "" : v.reason()));
        }
        return results;
    }

    /** The 1-based chunks the reply gives no verdict for, in order; empty when it covers every chunk. */
    private static List<Integer> missingChunks(Replies.ChunkVerdicts reply, int chunks) {
        Map<Integer, Replies.ChunkVerdict> byChunk = byChunk(reply.verdicts(), chunks);
        List<Integer> missing = new ArrayList<>();
        for (int rank = 1; rank <= chunks; rank++) {
            if (!byChunk.containsKey(rank)) {
                missing.add(rank);
            }
        }
        return missing;
    }

    private static String chunkNumbers(List<Integer> chunks) {
        return (chunks.size() == 1 ? "chunk " : "chunks ") + Texts.joinNumbers(chunks);
    }

    /** The verdicts by 1-based chunk: by their {@code chunk} numbers when all have one, else by order. */
    private static Map<Integer, Replies.ChunkVerdict> byChunk(List<Replies.ChunkVerdict> verdicts, int chunks) {
        Map<Integer, Replies.ChunkVerdict> byChunk = new HashMap<>();
        boolean numbered = verdicts.stream().allMatch(v -> v.chunk() != null);
        for (int i = 0; i < verdicts.size(); i++) {
            Replies.ChunkVerdict v = verdicts.get(i);
            int rank = numbered ? v.chunk() : i + 1;
            if (rank >= 1 && rank <= chunks) {
                byChunk.putIfAbsent(rank, v);
            }
        }
        return byChunk;
    }

    private List<ChunkResult> oneCallPerChunk(String question, String answer, List<String> chunks, Usage usage) {
        List<ChunkResult> results = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Judged<Replies.SingleChunkVerdict> judged = judge.ask(
                    CHUNK_PROMPT,
                    Map.of("question", question, "answer", answer, "chunk", chunks.get(i)),
                    Replies.CHUNK_VERDICT);
            usage.total = usage.total.plus(JudgeCosts.of(judged));
            Replies.SingleChunkVerdict v = judged.value();
            results.add(new ChunkResult(i + 1, v.useful() == 1, v.reason() == null ? "" : v.reason()));
        }
        return results;
    }

    private static String reason(List<ChunkResult> results) {
        int n = results.size();
        List<Integer> notUseful = results.stream().filter(r -> !r.useful()).map(ChunkResult::rank).toList();
        if (notUseful.isEmpty()) {
            return n == 1 ? "the only chunk is useful" : "all " + n + " chunks are useful";
        }
        if (notUseful.size() == n) {
            return n == 1 ? "the only chunk is not useful" : "none of the " + n + " chunks is useful";
        }
        String ranks = notUseful.size() <= 8 ? Texts.joinNumbers(notUseful)
                : Texts.joinNumbers(notUseful.subList(0, 8)) + " and " + (notUseful.size() - 8) + " more";
        return (notUseful.size() == 1 ? "chunk " : "chunks ") + ranks + " of " + n + " not useful";
    }

    private static List<Map<String, Object>> details(List<ChunkResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChunkResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", r.rank());
            row.put("useful", r.useful());
            row.put("reason", r.reason());
            rows.add(row);
        }
        return rows;
    }
}
