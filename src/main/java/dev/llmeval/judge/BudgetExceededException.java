package dev.llmeval.judge;

import dev.llmeval.Usd;
import java.math.BigDecimal;

/**
 * The {@code --max-cost} budget has no room for the next call: it is not sent, nor is any later
 * one. Fatal, since every later call would be refused the same way; the app tells it apart from
 * other judge failures. The amounts are written as the console summary writes costs; what was
 * spent is not in the message, as calls in flight may still add to it.
 */
public final class BudgetExceededException extends JudgeException {
    private static final long serialVersionUID = 1L;

    private final BigDecimal spentUsd;
    private final BigDecimal budgetUsd;

    BudgetExceededException(BigDecimal spentUsd, BigDecimal budgetUsd, BigDecimal nextCallUsd, int calls,
            long inputTokens, long outputTokens) {
        super("the --max-cost budget of " + Usd.format(budgetUsd) + " has no room for the next call (about "
                + Usd.format(nextCallUsd) + ")", null, calls, inputTokens, outputTokens, true);
        this.spentUsd = spentUsd;
        this.budgetUsd = budgetUsd;
    }

    public BigDecimal spentUsd() {
        return spentUsd;
    }

    public BigDecimal budgetUsd() {
        return budgetUsd;
    }
}
