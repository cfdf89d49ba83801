package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.CriterionConfig;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.judge.PromptLibrary;
import dev.llmeval.metric.Criterion;
import dev.llmeval.metric.MetricCatalog;
import dev.llmeval.metric.SampleField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The custom criteria of llmeval.yaml as {@link Criterion}s; a problem is an input error (exit 3). */
final class CriteriaSetup {

    private CriteriaSetup() {}

    static List<Criterion> of(EvalConfig config) {
        return config.criteria().stream().map(CriteriaSetup::criterion).toList();
    }

    static List<String> ids(List<Criterion> criteria) {
        return criteria.stream().map(Criterion::name).toList();
    }

    private static Criterion criterion(CriterionConfig c) {
        if (MetricCatalog.find(c.name()).isPresent()) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, c.where() + ": criterion '" + c.name()
                    + "' has the id of a built-in metric; give it another name (llmeval metrics lists them)");
        }
        List<SampleField> uses = c.uses().stream().map(CriteriaSetup::field).toList();
        try {
            return new Criterion(c.name(), Criterion.Kind.valueOf(c.kind().toUpperCase(Locale.ROOT)), c.definition(),
                    c.rubric(), c.votes(), uses);
        } catch (IllegalArgumentException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, c.where() + ": " + e.getMessage());
        }
    }

    private static SampleField field(String columnName) {
        return Arrays.stream(SampleField.values()).filter(f -> f.columnName().equals(columnName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a sample field: " + columnName));
    }

    /**
     * Votes are told apart by the {@code {{vote}}} placeholder of {@code criteria/aspect}: a
     * replacement prompt without it would send N identical requests, which the cache folds into one.
     */
    static void checkPrompts(PromptLibrary prompts, List<Criterion> criteria) {
        boolean voting = criteria.stream().anyMatch(c -> c.votes() > 1);
        if (voting && !prompts.variables("criteria/aspect").contains("vote")) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "--prompts-dir: criteria/aspect.txt has no {{vote}} "
                    + "placeholder, which criteria with votes need to ask each vote separately");
        }
    }
}
