package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.testing.ScriptedChatModel;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelJudgeTest {

    private static final String GOOD = "{\"statements\": [\"Ann built the bridge.\"]}";
    private static final Map<String, Object> VARS = Map.of("question", "Who built it?", "answer", "Ann did.");

    private static ChatModelJudge judge(ScriptedChatModel model) {
        return new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults());
    }

    private static Judged<TestSpecs.Statements> ask(ChatModelJudge judge) {
        return judge.ask("faithfulness/statements", VARS, TestSpecs.STATEMENTS);
    }

    @Test
    void should_send_json_schema_when_model_supports_it() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .capabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).reply(GOOD);

        // when
        Judged<TestSpecs.Statements> judged = ask(judge(model));

        // then
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        ChatRequest request = model.requests().get(0);
        ResponseFormat format = request.responseFormat();
        assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(format.jsonSchema().name()).isEqualTo("statements");
        assertThat(format.jsonSchema().rootElement()).isEqualTo(TestSpecs.STATEMENTS.schema());
        assertThat(request.temperature()).isEqualTo(0.0);
        assertThat(request.messages()).hasSize(1).first().isInstanceOf(UserMessage.class);
        assertThat(model.userText(0)).contains("ANSWER: Ann did.").contains("{\"statements\": [");
    }

    @Test
    void should_use_json_mode_when_model_lacks_schema_support() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        ask(judge(model));

        // then
        ResponseFormat format = model.requests().get(0).responseFormat();
        assertThat(format.type()).isEqualTo(ResponseFormatType.JSON);
        assertThat(format.jsonSchema()).isNull();
    }

    @Test
    void should_send_no_response_format_when_mode_is_text() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .capabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).reply(GOOD);
        ChatModelJudge judge = new ChatModelJudge(
                model, PromptLibrary.builtIn(), new JudgeSettings(OutputMode.TEXT, 0.3, 1));

        // when
        ask(judge);

        // then
        ChatRequest request = model.requests().get(0);
        assertThat(request.responseFormat()).isNull();
        assertThat(request.temperature()).isEqualTo(0.3);
    }

    @Test
    void should_send_repair_request_with_the_error_when_first_reply_is_unreadable() {
        // given
        String bad = "Sure! [\"Ann built the bridge.\",";
        ScriptedChatModel model = new ScriptedChatModel()
                .reply(bad, new TokenUsage(100, 10))
                .reply(GOOD, new TokenUsage(130, 12));

        // when
        Judged<TestSpecs.Statements> judged = ask(judge(model));

        // then
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        assertThat(judged.calls()).isEqualTo(2);
        assertThat(judged.inputTokens()).isEqualTo(230);
        assertThat(judged.outputTokens()).isEqualTo(22);
        ChatRequest repair = model.requests().get(1);
        assertThat(repair.messages()).hasSize(3);
        assertThat(repair.messages().get(0)).isEqualTo(model.requests().get(0).messages().get(0));
        assertThat(((AiMessage) repair.messages().get(1)).text()).isEqualTo(bad);
        assertThat(model.userText(1)).contains("cut off").contains("only the corrected JSON object");
    }

    @Test
    void should_throw_with_call_count_when_repair_reply_is_unreadable_too() {
        // given
        ScriptedChatModel model = new ScriptedChatModel()
                .reply("I think\nthe answer is fine.", new TokenUsage(50, 5))
                .reply("Still no JSON here.", new TokenUsage(60, 4));

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> ask(judge(model)));

        // then
        assertThat(e.calls()).isEqualTo(2);
        assertThat(e.inputTokens()).isEqualTo(110);
        assertThat(e.outputTokens()).isEqualTo(9);
        assertThat(e.fatal()).isFalse();
        assertThat(e.getMessage()).isEqualTo("judge reply could not be read after 1 repair request: "
                + "the reply contains no JSON object; reply began: Still no JSON here.");
    }

    @Test
    void should_not_repair_when_format_retries_is_zero() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply("no json");
        ChatModelJudge judge = new ChatModelJudge(
                model, PromptLibrary.builtIn(), new JudgeSettings(OutputMode.AUTO, 0.0, 0));

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> ask(judge));

        // then
        assertThat(e.calls()).isEqualTo(1);
        assertThat(model.requests()).hasSize(1);
        assertThat(e.getMessage()).startsWith("judge reply could not be read after 0 repair requests");
    }

    @Test
    void should_wrap_provider_failure_when_model_throws() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().fail(new RateLimitException("too many\nrequests"));

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> ask(judge(model)));

        // then
        assertThat(e.getMessage()).isEqualTo("judge call failed: RateLimitException: too many requests");
        assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
        assertThat(e.calls()).isEqualTo(1);
        assertThat(e.fatal()).isFalse();
    }

    @Test
    void should_mark_failure_fatal_when_authentication_fails() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().fail(new AuthenticationException("bad key"));

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> ask(judge(model)));

        // then
        assertThat(e.fatal()).isTrue();
        assertThat(e.getMessage()).isEqualTo("judge call failed: AuthenticationException: bad key");
    }

    @Test
    void should_mark_fatal_only_setup_failures_when_classifying_exceptions() {
        assertThat(ChatModelJudge.isFatal(new ModelNotFoundException("no such model"))).isTrue();
        assertThat(ChatModelJudge.isFatal(new RuntimeException(new AuthenticationException("wrapped")))).isTrue();
        assertThat(ChatModelJudge.isFatal(new ContentFilteredException("filtered"))).isFalse();
        assertThat(ChatModelJudge.isFatal(new dev.langchain4j.exception.InvalidRequestException("context too long")))
                .isFalse();
        assertThat(ChatModelJudge.isFatal(new UncheckedIOException(new java.io.IOException("refused")))).isFalse();
    }

    @Test
    void should_report_zero_tokens_when_provider_gives_no_usage() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        Judged<TestSpecs.Statements> judged = ask(judge(model));

        // then
        assertThat(judged.calls()).isEqualTo(1);
        assertThat(judged.inputTokens()).isZero();
        assertThat(judged.outputTokens()).isZero();
    }

    @Test
    void should_report_model_name_from_default_parameters() {
        assertThat(judge(new ScriptedChatModel().modelName("gpt-test")).modelName()).isEqualTo("gpt-test");
        assertThat(judge(new ScriptedChatModel()).modelName()).isEqualTo("unknown");
    }
}
