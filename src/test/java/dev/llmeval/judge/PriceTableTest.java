package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable prices = PriceTable.defaults();

    @Test
    void should_price_tokens_when_model_is_known() {
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 1_000_000)).contains(new BigDecimal("0.75"));
        assertThat(prices.cost("gpt-4o", 2_000, 500)).contains(new BigDecimal("0.01"));
        assertThat(prices.cost("text-embedding-3-small", 1_000_000, 0)).contains(new BigDecimal("0.02"));
    }

    @Test
    void should_match_longest_prefix_when_name_carries_a_version() {
        assertThat(prices.price("gpt-4o-mini-2024-07-18")).contains(PriceTable.Price.of("0.15", "0.60"));
        assertThat(prices.price("gpt-4o-2024-08-06")).contains(PriceTable.Price.of("2.50", "10.00"));
        assertThat(prices.price("gpt-4.1-nano-2025-04-14")).contains(PriceTable.Price.of("0.10", "0.40"));
        assertThat(prices.price("claude-3-5-haiku-20241022")).contains(PriceTable.Price.of("0.80", "4.00"));
        assertThat(prices.price("GPT-4O-MINI")).contains(PriceTable.Price.of("0.15", "0.60"));
    }

    @Test
    void should_be_unpriced_when_model_is_local_or_unknown() {
        assertThat(prices.priced("llama3.1:8b")).isFalse();
        assertThat(prices.cost("llama3.1:8b", 1000, 1000)).isEmpty();
        assertThat(prices.priced("gpt-4ox")).isFalse();
        assertThat(prices.priced(null)).isFalse();
    }

    @Test
    void should_use_override_when_merged_on_top() {
        // given
        PriceTable merged = prices.with(Map.of(
                "gpt-4o-mini", PriceTable.Price.of("1", "2"),
                "llama3.1", PriceTable.Price.of("0", "0")));

        // when / then
        assertThat(merged.cost("gpt-4o-mini", 1_000_000, 1_000_000)).contains(new BigDecimal("3"));
        assertThat(merged.priced("llama3.1:8b")).isTrue();
        assertThat(merged.price("gpt-4o")).contains(PriceTable.Price.of("2.50", "10.00"));
        assertThat(prices.cost("gpt-4o-mini", 1_000_000, 0)).contains(new BigDecimal("0.15"));
    }
}
