package dev.llmeval.app;

import dev.llmeval.judge.BudgetExceededException;
import dev.llmeval.judge.Judge;
import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;
import dev.llmeval.judge.OutputSpec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Wraps the run's judge to stop calling it after a failure that no retry can mend (a rejected
 * key, an unknown model), and to count calls that failed and succeeded.
 */
final class GuardedJudge implements Judge {

    private final Judge delegate;
    private final RunControl control;
    private final AtomicReference<JudgeException> fatal = new AtomicReference<>();
    private final AtomicReference<JudgeException> last = new AtomicReference<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    GuardedJudge(Judge delegate, RunControl control) {
        this.delegate = delegate;
        this.control = control;
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec) {
        return guarded(() -> delegate.ask(promptId, variables, spec));
    }

    @Override
    public <T> Judged<T> ask(String promptId, Map<String, Object> variables, OutputSpec<T> spec,
            double temperature) {
        return guarded(() -> delegate.ask(promptId, variables, spec, temperature));
    }

    private <T> Judged<T> guarded(Supplier<Judged<T>> ask) {
        JudgeException stop = fatal.get();
        if (stop != null) {
            control.refusedHere();
            throw new JudgeException("not asked: " + stop.getMessage(), null, 0, 0, 0);
        }
        try {
            Judged<T> judged = ask.get();
            answered.incrementAndGet();
            return judged;
        } catch (JudgeException e) {
            if (e instanceof BudgetExceededException) {
                control.refusedHere(); // not sent, not a failure of the judge
            } else {
                failed.incrementAndGet();
                last.set(e);
            }
            if (e.fatal() && fatal.compareAndSet(null, e)) {
                control.stop(stopReason(e));
            }
            throw e;
        }
    }

    /** Why the run stops: the budget, or the judge's failure. */
    static String stopReason(JudgeException e) {
        return e instanceof BudgetExceededException ? e.getMessage() : "judge failed: " + e.getMessage();
    }

    @Override
    public String modelName() {
        return delegate.modelName();
    }

    /** The failure that stopped the judge, or null. */
    JudgeException fatalFailure() {
        return fatal.get();
    }

    /** The most recent failure, or null. */
    JudgeException lastFailure() {
        return last.get();
    }

    int answered() {
        return answered.get();
    }

    int failed() {
        return failed.get();
    }
}
