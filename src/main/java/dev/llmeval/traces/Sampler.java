package dev.llmeval.traces;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic, shard-safe sampling: a trace is kept when {@code hash(salt, trace id)} falls under
 * the rate, a function of the trace alone, so reruns and importers working on parts of the same
 * export in parallel keep the same traces. The always-include rules keep more (up to a cap, the
 * lowest hashes); the per-stratum and per-import quotas keep fewer (the lowest hash over rate, a
 * uniform choice among the kept traces whatever the input order). Caps and quotas count per import run.
 */
public final class Sampler {

    /** A kept trace and why. */
    public record Picked(Trace trace, Sampling sampling) {}

    private final SamplingSettings settings;
    private final List<Trace> byRate = new ArrayList<>();
    private final List<Trace> byRule = new ArrayList<>();
    private final Map<Trace, List<String>> rules = new LinkedHashMap<>();

    public Sampler(SamplingSettings settings) {
        this.settings = settings;
    }

    /** The trace's hash in [0, 1): the first 8 bytes of SHA-256(salt, NUL, trace id) over 2^64. */
    public static double hash(String salt, String traceId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] d = sha.digest(traceId.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (d[i] & 0xff);
            }
            return (bits >>> 11) * 0x1.0p-53; // top 53 bits: exact in a double
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Looks at one trace; only those that may be kept are held. */
    public void offer(Trace trace) {
        List<String> matched = settings.always().matches(trace);
        if (!matched.isEmpty()) {
            byRule.add(trace);
            rules.put(trace, matched);
        } else if (hashOf(trace) < settings.rateOf(stratum(trace))) {
            byRate.add(trace);
        }
    }

    /** The kept traces, always-included first, each group by hash. */
    public List<Picked> picked() {
        List<Picked> out = new ArrayList<>();
        List<Trace> rule = sortedByHash(byRule);
        List<Trace> rate = new ArrayList<>(byRate);
        int cap = settings.alwaysCap();
        for (int i = 0; i < rule.size(); i++) {
            Trace t = rule.get(i);
            if (i < cap) {
                double p = rule.size() <= cap ? 1.0 : (double) cap / rule.size();
                String note = rule.size() <= cap ? null : "always-include cap " + cap + " of " + rule.size();
                out.add(new Picked(t, new Sampling("always:" + rules.get(t).get(0), p, hashOf(t),
                        settings.rateOf(stratum(t)), stratumLabel(t), note)));
            } else if (hashOf(t) < settings.rateOf(stratum(t))) {
                rate.add(t); // over the cap: it may still be kept by the rate
            }
        }
        Map<String, Double> factor = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        rate = sortedByRank(rate);
        if (settings.perStratum() != null) {
            Map<String, List<Trace>> byStratum = new LinkedHashMap<>();
            rate.forEach(t -> byStratum.computeIfAbsent(String.valueOf(stratum(t)), k -> new ArrayList<>()).add(t));
            List<Trace> kept = new ArrayList<>();
            byStratum.forEach((s, traces) -> {
                int k = settings.perStratum();
                for (int i = 0; i < traces.size() && i < k; i++) {
                    Trace t = traces.get(i);
                    kept.add(t);
                    if (traces.size() > k) {
                        factor.put(t.traceId(), (double) k / traces.size());
                        notes.put(t.traceId(), "per-stratum quota " + k + " of " + traces.size());
                    }
                }
            });
            rate = sortedByRank(kept);
        }
        if (settings.maxItems() != null && rate.size() > settings.maxItems()) {
            int n = settings.maxItems();
            int total = rate.size();
            rate = rate.subList(0, n);
            rate.forEach(t -> {
                factor.merge(t.traceId(), (double) n / total, (a, b) -> a * b);
                notes.merge(t.traceId(), "max-items " + n + " of " + total, (a, b) -> a + "; " + b);
            });
        }
        for (Trace t : rate) {
            double r = settings.rateOf(stratum(t));
            out.add(new Picked(t, new Sampling("rate", r * factor.getOrDefault(t.traceId(), 1.0), hashOf(t), r,
                    stratumLabel(t), notes.get(t.traceId()))));
        }
        return out;
    }

    private double hashOf(Trace t) {
        return hash(settings.salt(), t.traceId());
    }

    private List<Trace> sortedByHash(List<Trace> traces) {
        List<Trace> sorted = new ArrayList<>(traces);
        sorted.sort(Comparator.comparingDouble(this::hashOf).thenComparing(Trace::traceId));
        return sorted;
    }

    /**
     * Rate-kept traces by hash over their rate: under its rate a trace's hash is uniform, so the
     * first n are a uniform sample of the kept ones whatever the strata's rates.
     */
    private List<Trace> sortedByRank(List<Trace> traces) {
        List<Trace> sorted = new ArrayList<>(traces);
        sorted.sort(Comparator.comparingDouble((Trace t) -> hashOf(t) / settings.rateOf(stratum(t))).thenComparing(Trace::traceId));
        return sorted;
    }

    private String stratum(Trace t) {
        return settings.stratifyBy() == null ? null : t.attributes().get(settings.stratifyBy());
    }

    private String stratumLabel(Trace t) {
        return settings.stratifyBy() == null ? null
                : settings.stratifyBy() + "=" + stratum(t);
    }
}
