package dev.llmeval.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.llmeval.dataset.GoldenSample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static Trace trace(String id, String route, Signals signals, String answer) {
        GoldenSample sample = new GoldenSample(null, 0, "question " + id, List.of(), answer, null, null, null, null, null);
        return new Trace("otlp", "gen_ai", id, List.of("s"), null, sample, signals, route == null ? Map.of() : Map.of("route", route));
    }

    private static Trace trace(String id) {
        return trace(id, null, Signals.NONE, "fine");
    }

    /** 10,000 trace ids as OTLP writes them: 32 random hex digits. */
    private static List<String> ids(int n, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("%016x%016x", random.nextLong(), random.nextLong()));
        }
        return ids;
    }

    private static Set<String> pick(SamplingSettings settings, List<Trace> traces) {
        Sampler sampler = new Sampler(settings);
        traces.forEach(sampler::offer);
        return sampler.picked().stream().map(p -> p.trace().traceId()).collect(Collectors.toSet());
    }

    private static SamplingSettings rate(double rate, String salt) {
        return new SamplingSettings(rate, salt, AlwaysInclude.NONE, 100, null, null, null, null);
    }

    @Test
    void should_keep_half_of_ten_thousand_traces_at_rate_one_half() {
        List<Trace> traces = ids(10_000, 42).stream().map(SamplerTest::trace).toList();

        int kept = pick(rate(0.5, "llmeval"), traces).size();

        assertThat(kept).isBetween(4_850, 5_150);
    }

    @Test
    void should_keep_the_same_ids_on_every_run_and_whatever_the_order() {
        List<Trace> traces = new ArrayList<>(ids(2_000, 7).stream().map(SamplerTest::trace).toList());
        Set<String> first = pick(rate(0.1, "team-salt"), traces);
        Collections.shuffle(traces, new Random(3));

        assertThat(pick(rate(0.1, "team-salt"), traces)).isEqualTo(first);
        assertThat(pick(rate(0.1, "other-salt"), traces)).isNotEqualTo(first);
    }

    @Test
    void should_keep_in_two_halves_what_it_keeps_in_the_whole() {
        List<Trace> traces = ids(4_000, 11).stream().map(SamplerTest::trace).toList();
        Set<String> whole = pick(rate(0.2, "s"), traces);

        Set<String> halves = new java.util.HashSet<>(pick(rate(0.2, "s"), traces.subList(0, 2_000)));
        halves.addAll(pick(rate(0.2, "s"), traces.subList(2_000, 4_000)));

        assertThat(halves).isEqualTo(whole);
    }

    @Test
    void should_record_the_hash_under_the_rate_and_the_probability() {
        Sampler sampler = new Sampler(rate(0.3, "s"));
        ids(500, 5).stream().map(SamplerTest::trace).forEach(sampler::offer);

        for (Sampler.Picked p : sampler.picked()) {
            assertThat(p.sampling().reason()).isEqualTo("rate");
            assertThat(p.sampling().hash()).isLessThan(0.3).isEqualTo(Sampler.hash("s", p.trace().traceId()));
            assertThat(p.sampling().probability()).isEqualTo(0.3);
        }
    }

    @Test
    void should_always_include_errors_negative_feedback_low_scores_and_refusals_up_to_the_cap() {
        List<Trace> traces = List.of(
                trace("e1", null, new Signals(true, Map.of(), List.of()), "fine"),
                trace("f1", null, new Signals(false, Map.of("thumbs", 0.0), List.of()), "fine"),
                trace("f2", null, new Signals(false, Map.of("thumbs", 1.0), List.of()), "fine"),
                trace("s1", null, new Signals(false, Map.of("faithfulness", 0.3), List.of()), "fine"),
                trace("r1", null, Signals.NONE, "I'm sorry, but I can't help with that."),
                trace("c1", null, new Signals(false, Map.of(), List.of("content_filter")), "…"));
        AlwaysInclude rules = new AlwaysInclude(true, true, List.of("thumbs"), Map.of("faithfulness", 0.5));
        Sampler sampler = new Sampler(new SamplingSettings(0.0, "s", rules, 100, null, null, null, null));
        traces.forEach(sampler::offer);

        Map<String, String> reasons = sampler.picked().stream()
                .collect(Collectors.toMap(p -> p.trace().traceId(), p -> p.sampling().reason()));

        assertThat(reasons).containsOnly(Map.entry("e1", "always:error"), Map.entry("f1", "always:negative_feedback:thumbs"),
                Map.entry("s1", "always:score_below:faithfulness"), Map.entry("r1", "always:refusal"),
                Map.entry("c1", "always:refusal"));

        Sampler capped = new Sampler(new SamplingSettings(0.0, "s", rules, 2, null, null, null, null));
        traces.forEach(capped::offer);
        List<Sampler.Picked> picked = capped.picked();
        assertThat(picked).hasSize(2);
        assertThat(picked).allSatisfy(p -> assertThat(p.sampling().probability()).isCloseTo(2.0 / 5, within(1e-9)));
    }

    @Test
    void should_cap_each_stratum_by_the_lowest_hashes_and_record_the_share() {
        List<Trace> traces = new ArrayList<>();
        List<String> ids = ids(1_000, 9);
        for (int i = 0; i < ids.size(); i++) {
            traces.add(trace(ids.get(i), i < 900 ? "billing" : "sso", Signals.NONE, "fine"));
        }
        SamplingSettings settings = new SamplingSettings(0.5, "s", AlwaysInclude.NONE, 0, "route", null, 20, null);
        Sampler sampler = new Sampler(settings);
        traces.forEach(sampler::offer);

        List<Sampler.Picked> picked = sampler.picked();

        Map<String, Long> perStratum = picked.stream().collect(Collectors.groupingBy(p -> p.sampling().stratum(), Collectors.counting()));
        assertThat(perStratum).containsOnly(Map.entry("route=billing", 20L), Map.entry("route=sso", 20L));
        Sampler.Picked billing = picked.stream().filter(p -> p.sampling().stratum().equals("route=billing")).findFirst().orElseThrow();
        long billingUnderRate = traces.stream().filter(t -> t.attributes().get("route").equals("billing"))
                .filter(t -> Sampler.hash("s", t.traceId()) < 0.5).count();
        assertThat(billing.sampling().probability()).isCloseTo(0.5 * 20 / billingUnderRate, within(1e-9));
        assertThat(billing.sampling().note()).isEqualTo("per-stratum quota 20 of " + billingUnderRate);
    }

    @Test
    void should_apply_stratum_rates_and_the_per_import_quota() {
        List<Trace> traces = new ArrayList<>();
        List<String> ids = ids(2_000, 13);
        for (int i = 0; i < ids.size(); i++) {
            traces.add(trace(ids.get(i), i % 2 == 0 ? "billing" : "sso", Signals.NONE, "fine"));
        }
        SamplingSettings settings = new SamplingSettings(0.05, "s", AlwaysInclude.NONE, 0, "route", Map.of("sso", 0.5),
                null, 100);
        Sampler sampler = new Sampler(settings);
        traces.forEach(sampler::offer);

        List<Sampler.Picked> picked = sampler.picked();

        assertThat(picked).hasSize(100);
        assertThat(picked.stream().filter(p -> p.sampling().stratum().equals("route=sso")).count()).isGreaterThan(80);
        assertThat(picked).allSatisfy(p -> assertThat(p.sampling().note()).startsWith("max-items 100 of "));
    }
}
