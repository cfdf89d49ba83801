package dev.llmeval.judge;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The {@code --max-cost} budget: before a call is sent, its estimated cost is reserved, and the
 * call is sent only when what was spent plus what calls in flight reserved plus this one still
 * fits; after the reply the reservation is released, the meter holding what was really spent. So
 * concurrent calls cannot together overshoot the budget; only a reply longer than reserved can,
 * by the difference. Thread-safe.
 */
public final class Budget {

    private final BigDecimal limit;
    private BigDecimal reserved = BigDecimal.ZERO;

    /** @param limit USD, 0 or more */
    public Budget(BigDecimal limit) {
        this.limit = Objects.requireNonNull(limit, "limit == null");
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("a budget cannot be negative, got " + limit);
        }
    }

    /** The budget in USD. */
    public BigDecimal limit() {
        return limit;
    }

    /** A reservation to {@link #settle} once the call is done, whatever its outcome. */
    record Reservation(BigDecimal amount) {}

    /**
     * @param spent what the run has spent so far (the meter's cost)
     * @param estimate what the call will cost, estimated
     * @throws BudgetExceededException when it does not fit
     */
    synchronized Reservation reserve(BigDecimal spent, BigDecimal estimate, int calls, long inputTokens,
            long outputTokens) {
        if (spent.add(reserved).add(estimate).compareTo(limit) > 0) {
            throw new BudgetExceededException(spent, limit, estimate, calls, inputTokens, outputTokens);
        }
        reserved = reserved.add(estimate);
        return new Reservation(estimate);
    }

    synchronized void settle(Reservation reservation) {
        reserved = reserved.subtract(reservation.amount());
    }
}
