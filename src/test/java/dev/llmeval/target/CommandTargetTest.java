package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandTargetTest {

    private static final Path SCRIPT = Path.of("src/test/resources/targets/fake_target.py").toAbsolutePath();

    private final StringWriter log = new StringWriter();
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private CommandTarget target;

    @BeforeAll
    static void python3_is_present() throws Exception {
        Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
        assumeThat(probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0).as("python3 on PATH").isTrue();
    }

    @BeforeEach
    void start() throws IOException {
        target = CommandTarget.start("python3 " + SCRIPT, null, Duration.ofSeconds(20), new PrintWriter(log));
    }

    @AfterEach
    void stop() {
        target.close();
        pool.shutdownNow();
    }

    @Test
    void should_answer_with_contexts_and_ids_when_the_program_replies() throws Exception {
        TargetAnswer answer = target.answer(new TargetQuestion("q1", "what is the port?"));

        assertThat(answer).isEqualTo(new TargetAnswer(
                "answer to what is the port?", List.of("context for what is the port?"), List.of("doc-q1")));
    }

    @Test
    void should_match_replies_by_id_when_they_come_out_of_order() throws Exception {
        List<Future<TargetAnswer>> answers = List.of(
                ask("a", "hold one"), ask("b", "hold two"), ask("c", "hold three"));

        assertThat(answers.get(0).get(20, TimeUnit.SECONDS).response()).isEqualTo("answer to hold one");
        assertThat(answers.get(1).get(20, TimeUnit.SECONDS).response()).isEqualTo("answer to hold two");
        assertThat(answers.get(2).get(20, TimeUnit.SECONDS).contextIds()).containsExactly("doc-c");
    }

    @Test
    void should_fail_outstanding_questions_with_the_exit_code_when_the_program_crashes() throws Exception {
        Future<TargetAnswer> held = ask("a", "hold on");
        waitForLog("got a");

        assertThatThrownBy(() -> target.answer(new TargetQuestion("b", "crash")))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("boom: the index is corrupt");
        assertThatThrownBy(() -> held.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("exited with code 3");
        assertThat(target.alive()).isFalse();
        assertThatThrownBy(() -> target.answer(new TargetQuestion("c", "anything")))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessageContaining("exited with code 3");
    }

    @Test
    void should_quote_the_line_when_the_program_writes_something_that_is_not_json() {
        assertThatThrownBy(() -> target.answer(new TargetQuestion("g", "garbage")))
                .isInstanceOf(IOException.class)
                .hasMessage("target wrote a line that is not a JSON object: 'Traceback (most recent call last): oops'");
    }

    @Test
    void should_keep_going_when_a_question_fails_or_a_reply_has_an_unknown_id() throws Exception {
        assertThatThrownBy(() -> target.answer(new TargetQuestion("f", "fail")))
                .hasMessage("target error: no index loaded");

        TargetAnswer answer = target.answer(new TargetQuestion("s", "stranger"));

        assertThat(answer.response()).isEqualTo("answer to stranger");
        assertThat(log.toString()).contains("[target] ignored a reply with an unknown id: '{\"id\": \"nobody\", \"response\": \"?\"}'");
        assertThat(target.alive()).isTrue();
    }

    @Test
    void should_pass_stderr_through_with_a_prefix_and_end_cleanly_when_closed() throws Exception {
        target.answer(new TargetQuestion("q1", "hello"));

        target.close();

        assertThat(target.alive()).isFalse();
        assertThat(log.toString()).contains("[target] got q1").contains("[target] bye");
        assertThatThrownBy(() -> target.answer(new TargetQuestion("q2", "again")))
                .isInstanceOf(TargetUnreachableException.class)
                .hasMessage("target closed");
    }

    @Test
    void should_report_a_program_that_dies_at_start_as_unreachable_to_the_runner() throws IOException {
        CommandTarget broken = CommandTarget.start("exit 7", null, Duration.ofSeconds(20), new PrintWriter(log));
        try {
            assertThatThrownBy(() -> TargetRunner.run(broken, List.of(new TargetQuestion("q1", "hi")), 1, r -> {}))
                    .hasMessageStartingWith("target unreachable: target command exited with code 7");
        } finally {
            broken.close();
        }
    }

    @Test
    void should_fail_a_question_whose_reply_does_not_come_within_the_timeout() throws IOException {
        try (CommandTarget slow = CommandTarget.start("python3 " + SCRIPT, null, Duration.ofMillis(300), null)) {
            assertThatThrownBy(() -> slow.answer(new TargetQuestion("h1", "hold forever")))
                    .isInstanceOf(IOException.class)
                    .hasMessage("no reply for id 'h1' within 300 ms");
            assertThat(slow.alive()).isTrue();
        }
    }

    @Test
    void should_kill_a_program_that_ignores_the_end_of_its_input_when_closed() throws IOException {
        CommandTarget stubborn = CommandTarget.start("sleep 60", null, Duration.ofSeconds(1), null);

        ProcessHandle process = stubborn.handle();
        List<ProcessHandle> children = process.descendants().toList();

        stubborn.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(stubborn.alive()).isFalse();
    }

    private Future<TargetAnswer> ask(String id, String text) {
        CompletableFuture<TargetAnswer> future = new CompletableFuture<>();
        pool.submit(() -> {
            try {
                future.complete(target.answer(new TargetQuestion(id, text)));
            } catch (Exception e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    private void waitForLog(String text) throws InterruptedException {
        for (int i = 0; i < 200 && !log.toString().contains(text); i++) {
            Thread.sleep(50);
        }
    }
}
