package dev.llmeval.judge;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Model prices in USD per million tokens. A model is found by its exact name, else by the longest
 * known name it starts with followed by {@code -}, {@code :} or {@code @} (so
 * {@code gpt-4o-mini-2024-07-18} is priced as {@code gpt-4o-mini}); names are compared
 * case-insensitively. Local and unknown models have no price ("unpriced") and cost nothing.
 * Immutable.
 */
public final class PriceTable {

    /** USD per one million input (prompt) and output (completion) tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        public Price {
            Objects.requireNonNull(inputPerMillion, "inputPerMillion == null");
            Objects.requireNonNull(outputPerMillion, "outputPerMillion == null");
            if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("a price cannot be negative");
            }
        }

        public static Price of(String inputPerMillion, String outputPerMillion) {
            return new Price(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
        }
    }

    private static final Map<String, Price> DEFAULTS = Map.ofEntries(
            Map.entry("gpt-4o-mini", Price.of("0.15", "0.60")),
            Map.entry("gpt-4o", Price.of("2.50", "10.00")),
            Map.entry("gpt-4.1", Price.of("2.00", "8.00")),
            Map.entry("gpt-4.1-mini", Price.of("0.40", "1.60")),
            Map.entry("gpt-4.1-nano", Price.of("0.10", "0.40")),
            Map.entry("o4-mini", Price.of("1.10", "4.40")),
            Map.entry("claude-3-5-haiku", Price.of("0.80", "4.00")),
            Map.entry("claude-sonnet-4", Price.of("3.00", "15.00")),
            Map.entry("gemini-2.0-flash", Price.of("0.10", "0.40")),
            Map.entry("text-embedding-3-small", Price.of("0.02", "0")),
            Map.entry("text-embedding-3-large", Price.of("0.13", "0")));

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The built-in prices of common hosted models. */
    public static PriceTable defaults() {
        return new PriceTable(DEFAULTS);
    }

    /** No prices: every model is unpriced. */
    public static PriceTable empty() {
        return new PriceTable(Map.of());
    }

    /** This table with {@code overrides} added, replacing entries of the same name. */
    public PriceTable with(Map<String, Price> overrides) {
        Map<String, Price> merged = new HashMap<>(prices);
        overrides.forEach((name, price) -> merged.put(normalise(name), Objects.requireNonNull(price, name)));
        return new PriceTable(merged);
    }

    /** The price of a model, empty when unpriced. */
    public Optional<Price> price(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String name = normalise(model);
        Price exact = prices.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String known : prices.keySet()) {
            if (name.length() > known.length() && name.startsWith(known)
                    && "-:@".indexOf(name.charAt(known.length())) >= 0
                    && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return best == null ? Optional.empty() : Optional.of(prices.get(best));
    }

    public boolean priced(String model) {
        return price(model).isPresent();
    }

    /** What the tokens cost in USD, empty for an unpriced model. */
    public Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return price(model).map(price -> price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
                .movePointLeft(6)
                .stripTrailingZeros());
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
