package dev.llmeval.metric;

import dev.llmeval.judge.JudgeException;
import dev.llmeval.judge.Judged;

/** Converts judge costs to {@link JudgeUsage}. */
final class JudgeCosts {

    private JudgeCosts() {}

    static JudgeUsage of(Judged<?> judged) {
        return new JudgeUsage(judged.calls(), judged.inputTokens(), judged.outputTokens());
    }

    static JudgeUsage of(JudgeException e) {
        return new JudgeUsage(e.calls(), e.inputTokens(), e.outputTokens());
    }
}
