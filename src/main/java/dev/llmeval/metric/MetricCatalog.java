package dev.llmeval.metric;

import static dev.llmeval.metric.SampleField.ANSWER;
import static dev.llmeval.metric.SampleField.CONTEXTS;
import static dev.llmeval.metric.SampleField.QUESTION;
import static dev.llmeval.metric.SampleField.REFERENCE;
import static dev.llmeval.metric.SampleField.REFERENCE_CONTEXTS;
import static dev.llmeval.metric.SampleField.REFERENCE_CONTEXT_IDS;
import static dev.llmeval.metric.SampleField.RETRIEVED_CONTEXT_IDS;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every built-in metric, in the order {@code llmeval metrics} and the docs list them. */
public final class MetricCatalog {

    private static final List<MetricInfo> ALL = List.of(
            new MetricInfo(Faithfulness.ID, Set.of(QUESTION, ANSWER, CONTEXTS), true, 2, null, true,
                    "share of the response's statements that the retrieved contexts support"),
            new MetricInfo(AnswerRelevancy.ID, Set.of(QUESTION, ANSWER), true, 1, null, true,
                    "how well questions generated from the response match the question (embeddings)"),
            new MetricInfo(ContextPrecision.PRECISION_ID, Set.of(QUESTION, CONTEXTS, REFERENCE), true, 1,
                    "K with --per-chunk", true, "mean precision@k of the retrieved chunks useful for the reference"),
            new MetricInfo(ContextPrecision.UTILIZATION_ID, Set.of(QUESTION, ANSWER, CONTEXTS), true,
                    1, "K with --per-chunk", true, "context precision judged against the response instead of a reference"),
            new MetricInfo(ContextRecall.ID, Set.of(QUESTION, CONTEXTS, REFERENCE), true, 1, null, true,
                    "share of the reference's statements that the retrieved contexts support"),
            new MetricInfo(ContextEntityRecall.ID, Set.of(CONTEXTS, REFERENCE), true, 1, null, true,
                    "share of the reference's entities that the retrieved contexts mention"),
            new MetricInfo(NoiseSensitivity.RELEVANT_ID, Set.of(QUESTION, ANSWER, CONTEXTS, REFERENCE), true,
                    4, "2 when the reference supports every statement", false,
                    "share of response statements that are incorrect and supported by a relevant chunk"
                            + " (lower is better)"),
            new MetricInfo(NoiseSensitivity.IRRELEVANT_ID, Set.of(QUESTION, ANSWER, CONTEXTS, REFERENCE), true,
                    4, "2 when the reference supports every statement", false,
                    "share of response statements that are incorrect and supported only by irrelevant chunks"
                            + " (lower is better)"),
            new MetricInfo("answer_correctness", Set.of(QUESTION, ANSWER, REFERENCE), true, 3, null, true,
                    "F-beta of response against reference statements, blended with semantic similarity"),
            new MetricInfo("factual_correctness", Set.of(ANSWER, REFERENCE), true, 4, "2 in precision mode", true,
                    "precision, recall or F1 of claims checked against the other text"),
            new MetricInfo(ContextRelevance.ID, Set.of(QUESTION, CONTEXTS), true, 1, null, true,
                    "share of the contexts' sentences needed to answer the question (RAGAS paper)"),
            new MetricInfo("semantic_similarity", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "cosine similarity of the response and reference embeddings, clipped at 0"),
            new MetricInfo("non_llm_context_precision", Set.of(CONTEXTS, REFERENCE_CONTEXTS), false, 0, null, true,
                    "average precision of retrieved chunks that match a reference context (string similarity)"),
            new MetricInfo("non_llm_context_recall", Set.of(CONTEXTS, REFERENCE_CONTEXTS), false, 0, null, true,
                    "share of reference contexts matched by a retrieved chunk (string similarity)"),
            new MetricInfo("id_context_precision", Set.of(RETRIEVED_CONTEXT_IDS, REFERENCE_CONTEXT_IDS), false, 0, null,
                    true, "share of retrieved context ids that are reference context ids"),
            new MetricInfo("id_context_recall", Set.of(RETRIEVED_CONTEXT_IDS, REFERENCE_CONTEXT_IDS), false, 0, null,
                    true, "share of reference context ids that were retrieved"),
            new MetricInfo("exact_match", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "1 when the response equals the reference, else 0"),
            new MetricInfo("string_presence", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "1 when the reference occurs in the response, else 0"),
            new MetricInfo("string_similarity", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "string similarity of response and reference: Levenshtein (default), Hamming, Jaro or Jaro-Winkler"),
            new MetricInfo("bleu", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "BLEU of the whole response against the reference, Unicode-aware tokens"),
            new MetricInfo("rouge_l", Set.of(ANSWER, REFERENCE), false, 0, null, true,
                    "ROUGE-L F-measure of the whole response against the reference, Unicode-aware tokens"));

    private MetricCatalog() {}

    public static List<MetricInfo> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(MetricInfo::id).toList();
    }

    public static Optional<MetricInfo> find(String id) {
        return ALL.stream().filter(info -> info.id().equals(id)).findFirst();
    }

    /** False only for a known metric where lower scores are better; unknown ids count as higher-is-better. */
    public static boolean higherIsBetter(String id) {
        return find(id).map(MetricInfo::higherIsBetter).orElse(true);
    }
}
