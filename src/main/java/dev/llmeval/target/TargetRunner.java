package dev.llmeval.target;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Urls;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Asks a target every question, with bounded concurrency, and never drops one. */
public final class TargetRunner {

    private static final int MAX_ERROR_LENGTH = 300;

    private TargetRunner() {}

    /**
     * Calls {@code target} for every question and returns one result per question, in question
     * order. The first question is asked alone: if it fails at connection level (connection
     * refused, unknown host, timeout, {@link TargetUnreachableException}) this throws
     * {@code LlmevalException(TARGET_FAILED, "target unreachable: ...")}; any other failure is a
     * per-sample error. {@code onEach} is called once per result, never concurrently, in completion
     * order (e.g. for a progress bar). The target is not closed.
     */
    public static List<TargetResult> run(
            RagTarget target, List<TargetQuestion> questions, int concurrency, Consumer<TargetResult> onEach) {
        Objects.requireNonNull(target, "target == null");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        Consumer<TargetResult> each = onEach == null ? r -> {} : onEach;
        TargetResult[] results = new TargetResult[questions.size()];
        if (questions.isEmpty()) {
            return List.of();
        }
        Call first = call(target, questions.get(0));
        if (first.failure != null && isUnreachable(first.failure)) {
            throw new LlmevalException(ExitStatus.TARGET_FAILED, "target unreachable: " + first.result.error());
        }
        results[0] = first.result;
        each.accept(first.result);
        if (questions.size() > 1) {
            runRest(target, questions, Math.min(concurrency, questions.size() - 1), each, results);
        }
        return List.copyOf(Arrays.asList(results));
    }

    private static void runRest(
            RagTarget target, List<TargetQuestion> questions, int threads, Consumer<TargetResult> each,
            TargetResult[] results) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "llmeval-target");
            thread.setDaemon(true);
            return thread;
        });
        Object lock = new Object();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 1; i < questions.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    TargetResult result = call(target, questions.get(index)).result;
                    results[index] = result;
                    synchronized (lock) {
                        each.accept(result);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmevalException(ExitStatus.TARGET_FAILED, "interrupted while calling the target", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("progress callback failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Call(TargetResult result, Throwable failure) {}

    private static Call call(RagTarget target, TargetQuestion question) {
        long start = System.nanoTime();
        try {
            TargetAnswer answer = target.answer(question);
            long millis = elapsed(start);
            if (answer == null) {
                return new Call(TargetResult.failure(question.id(), "target returned no answer (null)", millis), null);
            }
            return new Call(TargetResult.success(question.id(), answer, millis), null);
        } catch (Exception | LinkageError | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Call(TargetResult.failure(question.id(), oneLine(e), elapsed(start)), e);
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** True for connection-level failures anywhere in the cause chain. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof UnresolvedAddressException || t instanceof TargetUnreachableException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The error as one line: the message (or the type when there is none), truncated. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = e.getCause();
            message = cause != null && cause.getMessage() != null
                    ? e.getClass().getSimpleName() + ": " + cause.getMessage()
                    : e.getClass().getSimpleName();
        } else if (e instanceof UnknownHostException) {
            message = "unknown host " + message;
        } else if (e instanceof HttpTimeoutException || e instanceof ConnectException) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        return truncate(Urls.mask(message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()), MAX_ERROR_LENGTH);
    }

    /**
     * Whether a reply could not be read because it holds a text longer than the JSON parser takes
     * ({@code StreamReadConstraints}, 20,000,000 characters), and what to say then.
     */
    static String tooLong(Exception e) {
        return e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).startsWith("String value length")
                ? String.format(Locale.ROOT, "the reply holds a text longer than %,d characters, the most llmeval"
                        + " reads in one field", StreamReadConstraints.DEFAULT_MAX_STRING_LEN)
                : null;
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
