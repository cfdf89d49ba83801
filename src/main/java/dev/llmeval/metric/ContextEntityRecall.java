package dev.llmeval.metric;

import dev.llmeval.Plural;
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
 * Context entity recall: the share of the reference's named entities that the retrieved contexts
 * mention. One judge call lists the reference's entities; each is then looked up in the joined
 * contexts' text after normalising case, accents, punctuation and spacing ({@link EntityText}).
 * RAGAS makes a second call to list the contexts' entities and intersects the two lists exactly;
 * looking the entity up in the text itself measures the same set without that call and without
 * the misses of an extraction over long contexts. A reference without entities is NOT_APPLICABLE;
 * with no context the score is 0 without a call.
 */
public final class ContextEntityRecall implements Metric {

    public static final String ID = "context_entity_recall";
    static final String ENTITIES_PROMPT = "context_entity_recall/entities";

    private final Judge judge;

    public ContextEntityRecall(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge == null");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<SampleField> requires() {
        return Set.of(SampleField.CONTEXTS, SampleField.REFERENCE);
    }

    public static List<String> promptIds() {
        return List.of(ENTITIES_PROMPT);
    }

    @Override
    public MetricResult score(EvaluatedSample sample) {
        Optional<MetricResult> skipped = RequiredFields.missing(this, sample);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        if (sample.contexts().stream().allMatch(Texts::isBlank)) {
            return MetricResult.scored(ID, 0.0, "no contexts were retrieved, so no entity of the reference is covered",
                    Map.of(), JudgeUsage.NONE);
        }
        JudgeUsage usage = JudgeUsage.NONE;
        try {
            Judged<Replies.Entities> judged = judge.ask(
                    ENTITIES_PROMPT, Map.of("text", sample.reference()), Replies.ENTITIES);
            usage = JudgeCosts.of(judged);
            return scored(judged.value().entities(), String.join("\n", sample.contexts()), usage);
        } catch (JudgeException e) {
            return MetricResult.error(ID, e.getMessage(), usage.plus(JudgeCosts.of(e)));
        } catch (RuntimeException e) {
            return MetricResult.error(ID, "context_entity_recall failed: " + e, usage);
        }
    }

    /**
     * Scores entities against the contexts' text: each distinct normalised entity counts once.
     * Shared with the offline version, which extracts the entities without a judge.
     */
    public static MetricResult scored(List<String> entities, String contexts, JudgeUsage usage) {
        String text = EntityText.normalise(contexts);
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String entity : entities) {
            String key = EntityText.normalise(entity);
            if (!key.isBlank()) {
                byKey.putIfAbsent(key, entity.strip());
            }
        }
        if (byKey.isEmpty()) {
            return MetricResult.notApplicable(ID, "the reference names no entities", Map.of("entities", List.of()), usage);
        }
        List<Boolean> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        byKey.forEach((key, entity) -> {
            boolean mentioned = EntityText.mentions(text, key);
            found.add(mentioned);
            if (!mentioned) {
                missing.add(entity);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("entity", entity);
            row.put("found", mentioned);
            rows.add(row);
        });
        double score = Scoring.share(found).orElseThrow();
        int n = found.size();
        String reason = missing.isEmpty()
                ? (n == 1 ? "the only entity of the reference is in the contexts"
                        : "all " + n + " entities of the reference are in the contexts")
                : missing.size() + " of " + Plural.of(n, "entity") + " of the reference not in the contexts: "
                        + Texts.quoted(missing);
        return MetricResult.scored(ID, score, reason, Map.of("entities", rows), usage);
    }
}
