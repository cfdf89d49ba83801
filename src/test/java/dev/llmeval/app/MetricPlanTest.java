package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.gate.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricPlanTest {

    private static final List<String> CRITERIA = List.of("politeness", "helpfulness");

    @Test
    void should_add_every_criterion_to_the_default_metrics() {
        // when
        MetricPlan plan = MetricPlan.choose(null, List.of(), "llmeval.yaml", false, CRITERIA);

        // then
        assertThat(plan.explicit()).isFalse();
        assertThat(plan.ids()).containsExactly("faithfulness", "answer_relevancy", "context_utilization",
                "context_recall", "politeness", "helpfulness");
    }

    @Test
    void should_accept_a_criterion_named_in_metrics() {
        // when
        MetricPlan plan = MetricPlan.choose(List.of("faithfulness", "helpfulness"), List.of(), "llmeval.yaml",
                false, CRITERIA);

        // then
        assertThat(plan.explicit()).isTrue();
        assertThat(plan.ids()).containsExactly("faithfulness", "helpfulness");
    }

    @Test
    void should_list_the_criteria_among_the_known_ids_when_a_name_is_unknown() {
        assertThatThrownBy(() -> MetricPlan.choose(List.of("politness"), List.of(), "llmeval.yaml", false,
                CRITERIA))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith("--metrics: unknown metric 'politness' (known: faithfulness,")
                .hasMessageEndingWith(", politeness, helpfulness)")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.USAGE);
    }

    @Test
    void should_accept_thresholds_on_criteria_from_the_file_and_the_flags() {
        // given
        MetricPlan plan = MetricPlan.choose(null, List.of(), "llmeval.yaml", false, CRITERIA);

        // when
        Thresholds thresholds = ThresholdPlan.merge(Map.of("politeness", 0.9), "llmeval.yaml",
                List.of("helpfulness=0.5"), plan, MetricPlan.known(CRITERIA));

        // then
        assertThat(thresholds.minimums()).containsEntry("politeness", 0.9).containsEntry("helpfulness", 0.5);
    }
}
