package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmeval.RetryAfterHttpException;
import dev.llmeval.testing.ScriptedChatModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatModelJudgeRuntimeTest {

    private static final String GOOD = "{\"statements\": [\"Ann built the bridge.\"]}";
    private static final Map<String, Object> VARS = Map.of("question", "Who built it?", "answer", "Ann did.");
    private static final String NS = "openai|gpt-4o-mini|http://127.0.0.1";

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private final RunMeter meter = new RunMeter();

    private JudgeRuntime.Builder runtime(CacheMode mode) {
        return JudgeRuntime.builder()
                .limiter(new CallLimiter(4, 0, 10, time::nanoTime, time))
                .cache(new JudgeCache(dir, mode), NS)
                .meter(meter)
                .pricingModel("gpt-4o-mini")
                .sleeper(time)
                .random(new Random(7));
    }

    private static Judged<TestSpecs.Statements> ask(ScriptedChatModel model, JudgeRuntime runtime) {
        return new ChatModelJudge(model, PromptLibrary.builtIn(), JudgeSettings.defaults(), runtime)
                .ask("faithfulness/statements", VARS, TestSpecs.STATEMENTS);
    }

    @Test
    void should_retry_and_meter_when_first_call_is_rate_limited() {
        // given
        CallLimiter limiter = new CallLimiter(4, 0, 10, time::nanoTime, time);
        ScriptedChatModel model = new ScriptedChatModel()
                .fail(new RateLimitException("slow down", new RetryAfterHttpException(429, "{}", Duration.ofSeconds(3))))
                .reply(GOOD, new TokenUsage(100, 20));

        List<RetryWait> waits = new ArrayList<>();

        // when
        Judged<TestSpecs.Statements> judged = ask(model, runtime(CacheMode.OFF).limiter(limiter).waits(waits::add).build());

        // then
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        assertThat(waits).containsExactly(new RetryWait(Duration.ofSeconds(3), true, "HTTP 429"));
        assertThat(model.requests()).hasSize(2);
        assertThat(judged.calls()).isEqualTo(2);
        assertThat(judged.inputTokens()).isEqualTo(100);
        assertThat(judged.outputTokens()).isEqualTo(20);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(limiter.limit()).isEqualTo(2);
        RunMeter.Snapshot s = meter.snapshot();
        assertThat(s.judgeCalls()).isEqualTo(2);
        assertThat(s.retries()).isEqualTo(1);
        assertThat(s.failedCalls()).isZero();
        assertThat(s.inputTokens()).isEqualTo(100);
        assertThat(s.outputTokens()).isEqualTo(20);
        assertThat(s.perModel().get("gpt-4o-mini")).isEqualTo(new RunMeter.ModelUsage(2, 100, 20));
    }

    @Test
    void should_make_no_call_when_asked_again_from_cache() {
        // given
        ScriptedChatModel first = new ScriptedChatModel().reply(GOOD, new TokenUsage(100, 20));
        ask(first, runtime(CacheMode.READ_WRITE).build());
        ScriptedChatModel second = new ScriptedChatModel();

        // when
        Judged<TestSpecs.Statements> judged = ask(second, runtime(CacheMode.READ_WRITE).build());

        // then
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        assertThat(second.requests()).isEmpty();
        assertThat(judged.calls()).isZero();
        assertThat(judged.inputTokens()).isZero();
        assertThat(judged.outputTokens()).isZero();
        RunMeter.Snapshot s = meter.snapshot();
        assertThat(s.judgeCalls()).isEqualTo(1);
        assertThat(s.cacheMisses()).isEqualTo(1);
        assertThat(s.cacheHits()).isEqualTo(1);
    }

    @Test
    void should_cache_nothing_when_the_reply_and_its_repair_are_unreadable() throws Exception {
        // given
        ScriptedChatModel first = new ScriptedChatModel().reply("I cannot help.").reply("{\"statements\": [\"cut");
        catchThrowableOfType(JudgeException.class, () -> ask(first, runtime(CacheMode.READ_WRITE).build()));
        ScriptedChatModel second = new ScriptedChatModel().reply(GOOD);

        // when
        Judged<TestSpecs.Statements> judged = ask(second, runtime(CacheMode.READ_WRITE).build());

        // then: the rerun asks the first request again, alone
        assertThat(first.requests()).hasSize(2);
        assertThat(second.requests()).hasSize(1);
        assertThat(second.requests().get(0).messages()).hasSize(1);
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
    }

    @Test
    void should_cache_nothing_when_a_reply_parses_but_the_step_finds_it_unusable() {
        // given: the step needs two statements; the reply and its repair give one
        OutputSpec<TestSpecs.Statements> twoStatements = TestSpecs.STATEMENTS.requiring(
                s -> s.statements().size() < 2 ? "the reply has " + s.statements().size() + " statement, expected 2" : null);
        ScriptedChatModel first = new ScriptedChatModel().reply(GOOD).reply(GOOD);
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> new ChatModelJudge(first,
                PromptLibrary.builtIn(), JudgeSettings.defaults(), runtime(CacheMode.READ_WRITE).build())
                .ask("faithfulness/statements", VARS, twoStatements));
        ScriptedChatModel second = new ScriptedChatModel().reply(GOOD);

        // when
        Judged<TestSpecs.Statements> plain = ask(second, runtime(CacheMode.READ_WRITE).build());

        // then: the repair quoted the problem, and nothing of the failed step was cached
        assertThat(e.getMessage()).contains("the reply has 1 statement, expected 2");
        assertThat(first.requests().get(1).messages().get(2).toString()).contains("expected 2");
        assertThat(second.requests()).hasSize(1);
        assertThat(plain.value().statements()).containsExactly("Ann built the bridge.");
    }

    /** Asks once with a readable reply into an empty cache and returns the one entry written. */
    private Path onlyEntryAfterAGoodReply() throws IOException {
        ask(new ScriptedChatModel().reply(GOOD), runtime(CacheMode.READ_WRITE).build());
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    @Test
    void should_ignore_an_unreadable_reply_cached_by_an_older_version() throws Exception {
        // given: an entry of format 1, written when every reply was cached, holding prose
        Path entry = onlyEntryAfterAGoodReply();
        ObjectNode legacy = (ObjectNode)
                new ObjectMapper().readTree(entry.toFile());
        legacy.put("format", 1).put("text", "I cannot help.");
        Files.writeString(entry, legacy.toString());
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        Judged<TestSpecs.Statements> judged = ask(model, runtime(CacheMode.READ_WRITE).build());

        // then: a miss, asked afresh (no repair request), and the entry rewritten
        assertThat(model.requests()).hasSize(1);
        assertThat(model.requests().get(0).messages()).hasSize(1);
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        assertThat(Files.readString(entry)).contains("\"format\":2", "Ann built the bridge.");
    }

    @Test
    void should_use_a_readable_reply_cached_by_an_older_version() throws Exception {
        // given
        Path entry = onlyEntryAfterAGoodReply();
        Files.writeString(entry, Files.readString(entry).replace("\"format\":2", "\"format\":1"));
        ScriptedChatModel model = new ScriptedChatModel();

        // when
        Judged<TestSpecs.Statements> judged = ask(model, runtime(CacheMode.ONLY).build());

        // then
        assertThat(model.requests()).isEmpty();
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
    }

    @Test
    void should_cache_repair_request_when_first_reply_is_unreadable() {
        // given
        ScriptedChatModel first = new ScriptedChatModel().reply("not json").reply(GOOD);
        ask(first, runtime(CacheMode.READ_WRITE).build());
        ScriptedChatModel second = new ScriptedChatModel();

        // when
        Judged<TestSpecs.Statements> judged = ask(second, runtime(CacheMode.ONLY).build());

        // then
        assertThat(first.requests()).hasSize(2);
        assertThat(second.requests()).isEmpty();
        assertThat(judged.value().statements()).containsExactly("Ann built the bridge.");
        assertThat(meter.snapshot().cacheHits()).isEqualTo(2);
    }

    @Test
    void should_make_no_call_when_budget_is_spent() {
        // given
        meter.judgeTokens("gpt-4o-mini", 1_000_000, 0);
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class,
                () -> ask(model, runtime(CacheMode.OFF).maxCostUsd(new BigDecimal("0.10")).build()));

        // then
        assertThat(model.requests()).isEmpty();
        assertThat(e.fatal()).isTrue();
        assertThat(e.spentUsd()).isEqualByComparingTo("0.15");
        assertThat(e.getMessage()).startsWith("the --max-cost budget of $0.1000 has no room for the next call");
        assertThat(meter.snapshot().judgeCalls()).isZero();
    }

    @Test
    void should_not_send_a_call_whose_estimated_cost_no_longer_fits() {
        // given: $0.09999 spent of $0.10; the next call would cost more than the $0.00001 left
        meter.judgeTokens("gpt-4o-mini", 666_600, 0);
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        BudgetExceededException e = catchThrowableOfType(BudgetExceededException.class,
                () -> ask(model, runtime(CacheMode.OFF).maxCostUsd(new BigDecimal("0.10")).build()));

        // then
        assertThat(model.requests()).isEmpty();
        assertThat(e.getMessage()).matches("the --max-cost budget of \\$0\\.1000 has no room for the next call"
                + " \\(about \\$0\\.0\\d{3}\\)");
        assertThat(e.spentUsd()).isEqualByComparingTo("0.09999");
    }

    @Test
    void should_reserve_the_cost_of_a_call_in_flight_so_that_a_second_one_does_not_overshoot() {
        // given: a budget with room for one call; while it is in flight, a second call is asked
        JudgeRuntime shared = runtime(CacheMode.OFF).maxCostUsd(new BigDecimal("0.0001")).build();
        ScriptedChatModel second = new ScriptedChatModel().reply(GOOD, new TokenUsage(10, 2));
        JudgeException[] refused = new JudgeException[1];
        ScriptedChatModel first = new ScriptedChatModel().replyWith(request -> {
            refused[0] = catchThrowableOfType(BudgetExceededException.class, () -> ask(second, shared));
            return GOOD;
        });

        // when
        Judged<TestSpecs.Statements> judged = ask(first, shared);

        // then: the first was sent, the second was refused unsent; once settled, the budget frees up
        assertThat(judged.calls()).isEqualTo(1);
        assertThat(refused[0]).isNotNull();
        assertThat(second.requests()).isEmpty();
        assertThat(ask(second, shared).calls()).isEqualTo(1);
    }

    @Test
    void should_call_when_budget_is_not_yet_spent() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD, new TokenUsage(10, 2));

        // when
        Judged<TestSpecs.Statements> judged =
                ask(model, runtime(CacheMode.OFF).maxCostUsd(new BigDecimal("0.10")).build());

        // then
        assertThat(judged.calls()).isEqualTo(1);
    }

    @Test
    void should_fail_without_calling_when_cache_only_misses() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().reply(GOOD);

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class, () -> ask(model, runtime(CacheMode.ONLY).build()));

        // then
        assertThat(e).isInstanceOf(CacheOnlyMissException.class);
        assertThat(e.getMessage()).isEqualTo("not in the cache (--cache-only): faithfulness/statements");
        assertThat(e.calls()).isZero();
        assertThat(model.requests()).isEmpty();
        assertThat(meter.snapshot().cacheMisses()).isEqualTo(1);
    }

    @Test
    void should_not_retry_or_cache_when_authentication_fails() {
        // given
        ScriptedChatModel model = new ScriptedChatModel().fail(new AuthenticationException("bad key")).reply(GOOD);

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class,
                () -> ask(model, runtime(CacheMode.READ_WRITE).build()));
        Judged<TestSpecs.Statements> next = ask(model, runtime(CacheMode.READ_WRITE).build());

        // then
        assertThat(e.fatal()).isTrue();
        assertThat(e.calls()).isEqualTo(1);
        assertThat(next.calls()).isEqualTo(1);
        assertThat(model.requests()).hasSize(2);
        assertThat(time.sleeps()).isEmpty();
        assertThat(meter.snapshot().failedCalls()).isEqualTo(1);
        assertThat(meter.snapshot().retries()).isZero();
    }

    @Test
    void should_give_up_with_last_error_when_rate_limit_persists() {
        // given
        ScriptedChatModel model = new ScriptedChatModel();
        for (int i = 0; i < 3; i++) {
            model.fail(new RateLimitException("slow down " + i));
        }

        // when
        JudgeException e = catchThrowableOfType(JudgeException.class,
                () -> ask(model, runtime(CacheMode.OFF).retry(RetryPolicy.defaults().withMaxRetries(2)).build()));

        // then
        assertThat(e.getMessage()).isEqualTo("judge call failed: RateLimitException: slow down 2");
        assertThat(e.calls()).isEqualTo(3);
        assertThat(e.fatal()).isFalse();
        assertThat(meter.snapshot().retries()).isEqualTo(2);
        assertThat(meter.snapshot().failedCalls()).isEqualTo(1);
    }
}
