package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatingJudgeTest {

    record Verdict(String statement, Integer verdict) {}

    record Verdicts(List<Verdict> verdicts) {}

    private static final OutputSpec<Verdicts> VERDICTS = new OutputSpec<>("statement_verdicts",
            JsonObjectSchema.builder()
                    .addProperty("verdicts", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addProperty("statement", new JsonStringSchema())
                            .addProperty("verdict", JsonIntegerSchema.builder().build())
                            .required("statement", "verdict").build()).build())
                    .required("verdicts").build(),
            Verdicts.class);

    @Test
    void should_count_one_call_with_tokens_of_the_rendered_prompt_when_asked() {
        EstimatingJudge judge = new EstimatingJudge(PromptLibrary.builtIn(), "gpt-4o-mini");
        String context = "x".repeat(4000);
        Map<String, Object> variables = Map.of("context", context, "statements", "1. A.");

        Judged<Verdicts> judged = judge.ask("faithfulness/verdicts", variables, VERDICTS);

        String rendered = PromptLibrary.builtIn().render("faithfulness/verdicts", variables);
        assertThat(judged.calls()).isEqualTo(1);
        assertThat(judged.inputTokens()).isEqualTo((rendered.length() + 3) / 4).isGreaterThan(1000);
        assertThat(judged.outputTokens()).isPositive();
        assertThat(judged.value().verdicts()).hasSize(EstimatingJudge.ITEMS)
                .allSatisfy(v -> assertThat(v.verdict()).isEqualTo(1));
        assertThat(judge.modelName()).isEqualTo("gpt-4o-mini");
    }
}
