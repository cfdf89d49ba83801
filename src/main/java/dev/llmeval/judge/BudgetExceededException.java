package dev.llmeval.judge;

import java.math.BigDecimal;

/**
 * The {@code --max-cost} budget is spent: no further provider call is made. Fatal, since every
 * later call would fail the same way; the app can tell it apart from other judge failures.
 */
public final class BudgetExceededException extends JudgeException {
    private static final long serialVersionUID = 1L;

    private final BigDecimal spentUsd;
    private final BigDecimal budgetUsd;

    BudgetExceededException(BigDecimal spentUsd, BigDecimal budgetUsd, int calls, long inputTokens, long outputTokens) {
        super("cost budget exceeded: spent " + spentUsd.toPlainString() + " USD of " + budgetUsd.toPlainString()
                + " USD (--max-cost)", null, calls, inputTokens, outputTokens, true);
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
