package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.MetricResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A sanity check of the offline context_entity_recall on WikiEval (no labelled entity data exists):
 * with the page introduction as the context, the grounded answer taken as the reference should
 * have more of its entities in the context than the answer written without the context.
 */
class WikiEvalEntityRecallTest {

    private static final Path DATA = Path.of("..", "shared", "datasets", "wikieval", "wikieval.jsonl");

    @Test
    void should_find_more_of_the_grounded_answers_entities_in_the_context_than_of_the_ungrounded_ones() throws Exception {
        // given
        Assumptions.assumeTrue(Files.exists(DATA), "WikiEval not found at " + DATA.toAbsolutePath());
        Pairs pairs = Pairs.load(DATA);
        List<EvaluatedSample> good = pairs.samples("good");
        List<EvaluatedSample> ungrounded = pairs.samples("ungrounded");
        OfflineContextEntityRecall metric = new OfflineContextEntityRecall();

        // when
        int n = good.size();
        int right = 0;
        int ties = 0;
        int tiesAtOne = 0;
        int notApplicable = 0;
        double sumGood = 0;
        double sumUngrounded = 0;
        for (int i = 0; i < n; i++) {
            MetricResult g = metric.score(asReference(good.get(i)));
            MetricResult u = metric.score(asReference(ungrounded.get(i)));
            double gv = g.score() == null ? -1 : g.score();
            double uv = u.score() == null ? -1 : u.score();
            right += gv > uv ? 1 : 0;
            ties += gv == uv ? 1 : 0;
            tiesAtOne += gv == uv && gv == 1.0 ? 1 : 0;
            notApplicable += (g.score() == null ? 1 : 0) + (u.score() == null ? 1 : 0);
            sumGood += Math.max(0, gv);
            sumUngrounded += Math.max(0, uv);
        }
        double accuracy = (double) right / n;

        // then
        Pairs.report("wikieval-entity-recall", String.format(Locale.ROOT,
                "WikiEval (%d questions, lexical entities)%n"
                        + "context_entity_recall, grounded answer as reference > ungrounded answer as reference: %.2f;"
                        + " ties %d (%d of them at 1.0); not applicable %d%n"
                        + "mean score grounded %.3f, ungrounded %.3f",
                n, accuracy, ties, tiesAtOne, notApplicable, sumGood / n, sumUngrounded / n));
        assertThat(accuracy).isGreaterThanOrEqualTo(0.6);
        assertThat(sumGood / n).isGreaterThan(sumUngrounded / n + 0.15);
    }

    private static EvaluatedSample asReference(EvaluatedSample s) {
        return new EvaluatedSample(s.id(), s.question(), s.answer(), s.contexts(), s.answer());
    }
}
