package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TargetRunnerTest {

    private static List<TargetQuestion> questions(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new TargetQuestion("q" + i, "question " + i)).toList();
    }

    @Test
    void should_return_one_result_per_question_in_order_when_calls_run_concurrently() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        RagTarget target = question -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20);
            inFlight.decrementAndGet();
            return new TargetAnswer("answer " + question.id(), List.of("ctx"));
        };
        List<TargetResult> seen = new ArrayList<>();

        List<TargetResult> results = TargetRunner.run(target, questions(12), 3, seen::add);

        assertThat(results).extracting(TargetResult::id)
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11", "q12");
        assertThat(results).extracting(r -> r.answer().response()).first().isEqualTo("answer q1");
        assertThat(seen).hasSize(12).first().isEqualTo(results.get(0));
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void should_record_a_one_line_error_when_a_later_call_throws() {
        RagTarget target = question -> {
            if (question.id().equals("q2")) {
                throw new IOException("HTTP 500\nInternal Server Error");
            }
            if (question.id().equals("q3")) {
                throw new IllegalStateException();
            }
            return new TargetAnswer("ok", List.of());
        };

        List<TargetResult> results = TargetRunner.run(target, questions(3), 2, null);

        assertThat(results).extracting(TargetResult::error)
                .containsExactly(null, "HTTP 500 Internal Server Error", "IllegalStateException");
        assertThat(results.get(1).answer()).isNull();
    }

    @Test
    void should_throw_target_failed_when_the_first_call_cannot_connect() {
        RagTarget target = question -> {
            throw new ConnectException("Connection refused");
        };

        assertThatThrownBy(() -> TargetRunner.run(target, questions(3), 2, null))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("target unreachable: ConnectException: Connection refused")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.TARGET_FAILED);
    }

    @Test
    void should_throw_when_the_first_call_hits_an_unknown_host_wrapped_in_another_exception() {
        RagTarget target = question -> {
            throw new IllegalStateException("call failed", new UnknownHostException("rag.invalid"));
        };

        assertThatThrownBy(() -> TargetRunner.run(target, questions(1), 1, null))
                .hasMessage("target unreachable: call failed");
    }

    @Test
    void should_keep_going_when_the_first_call_fails_with_an_ordinary_error() {
        AtomicInteger calls = new AtomicInteger();
        RagTarget target = question -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("HTTP 400 from http://rag/ask: 'bad question'");
            }
            return new TargetAnswer("ok", List.of());
        };

        List<TargetResult> results = TargetRunner.run(target, questions(3), 4, null);

        assertThat(results).extracting(TargetResult::failed).containsExactly(true, false, false);
    }

    @Test
    void should_not_count_a_connection_error_after_the_first_call_as_unreachable() {
        RagTarget target = question -> {
            if (question.id().equals("q2")) {
                throw new ConnectException("Connection refused");
            }
            return new TargetAnswer("ok", List.of());
        };

        List<TargetResult> results = TargetRunner.run(target, questions(2), 1, null);

        assertThat(results.get(1).error()).isEqualTo("ConnectException: Connection refused");
    }

    @Test
    void should_record_an_error_when_the_target_returns_null() {
        List<TargetResult> results = TargetRunner.run(question -> null, questions(1), 1, null);

        assertThat(results.get(0).error()).isEqualTo("target returned no answer (null)");
    }

    @Test
    void should_return_nothing_when_there_are_no_questions() {
        assertThat(TargetRunner.run(question -> null, List.of(), 1, null)).isEmpty();
    }
}
