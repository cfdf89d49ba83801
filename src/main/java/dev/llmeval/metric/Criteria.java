package dev.llmeval.metric;

import dev.llmeval.judge.Judge;
import dev.llmeval.judge.PromptLibrary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The custom criteria of llmeval.yaml as metrics: their descriptions, implementations and prompts. */
public final class Criteria {

    /** {@code metric-options: <criterion>: vote-temperature}: the sampling temperature of votes. */
    public static final String VOTE_TEMPERATURE = "vote-temperature";
    static final double DEFAULT_VOTE_TEMPERATURE = 0.5;

    private Criteria() {}

    /** What {@code llmeval metrics} shows for a criterion. */
    public static MetricInfo info(Criterion criterion) {
        String what = criterion.definition().isEmpty() ? "graded on its 1-5 rubric" : criterion.definition();
        String kind = criterion.kind() == Criterion.Kind.ASPECT
                ? "aspect" + (criterion.votes() == 1 ? "" : ", majority of " + criterion.votes() + " votes")
                : "rubric 1-5";
        return new MetricInfo(criterion.name(), Set.copyOf(criterion.uses()), true,
                criterion.votes(), null, true, "criterion (" + kind + "): " + what);
    }

    /**
     * One metric per criterion, in the given order.
     *
     * @param options each criterion's {@code metric-options:}; a bad option throws {@link IllegalArgumentException}
     */
    public static List<Metric> create(Judge judge, List<Criterion> criteria, Function<String, MetricOptions> options) {
        List<Metric> metrics = new ArrayList<>();
        for (Criterion criterion : criteria) {
            MetricOptions own = options.apply(criterion.name());
            if (criterion.kind() == Criterion.Kind.ASPECT) {
                own.allowOnly(Set.of(VOTE_TEMPERATURE));
                double temperature = own.number(VOTE_TEMPERATURE, DEFAULT_VOTE_TEMPERATURE);
                if (!(temperature > 0 && temperature <= 2)) {
                    throw own.problem(VOTE_TEMPERATURE, "must be above 0 and at most 2, got " + temperature);
                }
                metrics.add(new AspectCritic(judge, criterion, temperature));
            } else {
                own.allowOnly(Set.of());
                metrics.add(new RubricScore(judge, criterion));
            }
        }
        return List.copyOf(metrics);
    }

    /** The prompt templates the given criteria use, without duplicates. */
    public static List<String> promptIds(Collection<Criterion> criteria) {
        return criteria.stream().map(Criteria::promptId).distinct().toList();
    }

    /**
     * For the report's {@code run.prompts}: each template the criteria use by its id (as for the
     * built-in metrics), and each criterion as {@code <name>/<kind>} with the SHA-256 of its
     * template with the criterion's own text (definition, rubric) filled in, so that editing a
     * criterion changes its hash. Sorted by id.
     */
    public static Map<String, String> promptHashes(PromptLibrary prompts, Collection<Criterion> criteria) {
        Map<String, String> hashes = new TreeMap<>(prompts.hashes(promptIds(criteria)));
        for (Criterion criterion : criteria) {
            hashes.put(criterion.name() + "/" + criterion.kind().name().toLowerCase(Locale.ROOT),
                    sha256(criterionPrompt(prompts, criterion)));
        }
        return hashes;
    }

    /** The criterion's template with its own text filled in and the per-sample placeholders kept. */
    static String criterionPrompt(PromptLibrary prompts, Criterion criterion) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : prompts.variables(promptId(criterion))) {
            variables.put(name, "{{" + name + "}}");
        }
        if (criterion.kind() == Criterion.Kind.ASPECT) {
            variables.put("definition", criterion.definition());
        } else {
            variables.putAll(RubricScore.criterionVariables(criterion));
        }
        return prompts.render(promptId(criterion), variables)
                + (criterion.votes() > 1 ? "\n[votes: " + criterion.votes() + "]" : "");
    }

    private static String promptId(Criterion criterion) {
        return criterion.kind() == Criterion.Kind.ASPECT ? AspectCritic.PROMPT : RubricScore.PROMPT;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
