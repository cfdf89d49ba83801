package dev.llmeval.traces;

import java.util.Map;

/**
 * How {@code llmeval import} samples.
 *
 * @param rate the share of traces kept by the hash, in [0, 1]
 * @param salt mixed into the hash; the same rate and salt keep the same traces everywhere
 * @param always the always-include rules
 * @param alwaysCap at most this many traces kept by the rules per import (the lowest hashes)
 * @param stratifyBy an attribute to stratify by (e.g. {@code route}, {@code language}), or null
 * @param stratumRates rates per stratum value, overriding {@code rate}
 * @param perStratum at most this many rate-sampled traces per stratum per import, or null
 * @param maxItems at most this many rate-sampled traces per import, or null
 */
public record SamplingSettings(double rate, String salt, AlwaysInclude always, int alwaysCap, String stratifyBy,
        Map<String, Double> stratumRates, Integer perStratum, Integer maxItems) {

    public static final String DEFAULT_SALT = "llmeval";
    public static final int DEFAULT_ALWAYS_CAP = 100;

    public SamplingSettings {
        salt = salt == null ? DEFAULT_SALT : salt;
        always = always == null ? AlwaysInclude.DEFAULT : always;
        stratumRates = stratumRates == null ? Map.of() : Map.copyOf(stratumRates);
    }

    double rateOf(String stratumValue) {
        return stratumValue != null && stratumRates.containsKey(stratumValue) ? stratumRates.get(stratumValue) : rate;
    }
}
