package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.llmeval.testing.ScriptedChatModel;
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

    /** One token per character: easy to add up by hand. */
    private static final TokenCounter CHARACTERS = new TokenCounter() {
        @Override
        public long count(String text) {
            return text == null ? 0 : text.length();
        }

        @Override
        public String description() {
            return "one token a character";
        }

        @Override
        public boolean exact() {
            return true;
        }
    };

    @Test
    void should_count_the_request_the_real_judge_sends_with_its_framing_and_schema() {
        // given: the real judge sends the same step to a model that takes a schema
        ScriptedChatModel model = new ScriptedChatModel()
                .capabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .reply("{\"verdicts\": [{\"statement\": \"A.\", \"verdict\": 1}]}");
        Map<String, Object> variables = Map.of("context", "x".repeat(4000), "statements", "1. A.");
        new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults())
                .ask("faithfulness/verdicts", variables, VERDICTS);
        ChatRequest sent = model.requests().get(0);
        EstimatingJudge judge = new EstimatingJudge(PromptLibrary.builtIn(), "gpt-4o-mini", CHARACTERS,
                OutputMode.AUTO);

        // when
        Judged<Verdicts> judged = judge.ask("faithfulness/verdicts", variables, VERDICTS);

        // then: 3 to open the reply, 3 + "user" + the prompt, the schema's name and JSON
        String prompt = PromptLibrary.builtIn().render("faithfulness/verdicts", variables);
        String schema = "{\"type\":\"object\",\"properties\":{\"verdicts\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"object\",\"properties\":{\"statement\":{\"type\":\"string\"},\"verdict\":"
                + "{\"type\":\"integer\"}},\"required\":[\"statement\",\"verdict\"]}}},\"required\":[\"verdicts\"]}";
        assertThat(judged.calls()).isEqualTo(1);
        assertThat(judged.inputTokens())
                .isEqualTo(RequestTokens.input(sent, CHARACTERS))
                .isEqualTo(3 + 3 + "user".length() + prompt.length() + "statement_verdicts".length() + schema.length());
        assertThat(judged.outputTokens()).isPositive();
        assertThat(judged.value().verdicts()).hasSize(EstimatingJudge.ITEMS)
                .allSatisfy(v -> assertThat(v.verdict()).isEqualTo(1));
        assertThat(judge.modelName()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void should_count_no_schema_when_the_judge_asks_through_the_prompt_alone() {
        EstimatingJudge judge = new EstimatingJudge(PromptLibrary.builtIn(), "claude", CHARACTERS, OutputMode.TEXT);
        Map<String, Object> variables = Map.of("context", "c", "statements", "1. A.");

        Judged<Verdicts> judged = judge.ask("faithfulness/verdicts", variables, VERDICTS);

        String prompt = PromptLibrary.builtIn().render("faithfulness/verdicts", variables);
        assertThat(judged.inputTokens()).isEqualTo(3 + 3 + "user".length() + prompt.length());
    }
}
