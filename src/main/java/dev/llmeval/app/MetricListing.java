package dev.llmeval.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.llmeval.ExitStatus;
import dev.llmeval.config.ConfigFile;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.metric.Criteria;
import dev.llmeval.metric.Criterion;
import dev.llmeval.metric.MetricCatalog;
import dev.llmeval.metric.MetricInfo;
import dev.llmeval.metric.SampleField;
import dev.llmeval.metric.offline.OfflineMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code llmeval metrics}: every metric a run can score, the built-in catalogue and then the
 * custom criteria of llmeval.yaml, with what each needs and costs, as a table or as JSON.
 */
public final class MetricListing {

    static final String BUILT_IN = "built-in";
    static final String CRITERION = "criterion";
    private static final List<String> HEADERS = List.of("metric", "requires", "llm", "offline", "calls/sample", "better");

    private MetricListing() {}

    /** One listed metric and where it comes from ({@value #BUILT_IN} or {@value #CRITERION}). */
    record Entry(MetricInfo info, String source) {}

    /**
     * @param config {@code --config}, or null for {@code llmeval.yaml} in {@code workingDir} if present
     * @param json JSON instead of a table
     */
    public static ExitStatus run(PrintWriter out, Path config, Path workingDir, boolean json) {
        EvalConfig settings = ConfigFile.load(config, workingDir);
        List<Entry> entries = entries(CriteriaSetup.of(settings));
        out.print(json ? json(entries) : table(entries, settings.source()));
        out.flush();
        return ExitStatus.PASSED;
    }

    static List<Entry> entries(List<Criterion> criteria) {
        List<Entry> entries = new ArrayList<>();
        MetricCatalog.all().forEach(info -> entries.add(new Entry(info, BUILT_IN)));
        criteria.forEach(c -> entries.add(new Entry(Criteria.info(c), CRITERION)));
        return List.copyOf(entries);
    }

    static String table(List<Entry> entries, Path source) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (Entry entry : entries) {
            MetricInfo info = entry.info();
            rows.add(List.of(info.id(), String.join(",", requires(info)), info.needsLlm() ? "yes" : "no",
                    offline(info) ? "yes" : "skipped", info.callsPerSample(), info.higherIsBetter() ? "higher" : "lower"));
        }
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < widths.length; i++) {
                text.append(pad(row.get(i), widths[i])).append("  ");
            }
            text.append(r == 0 ? "summary" : entries.get(r - 1).info().summary()).append('\n');
        }
        long criteria = entries.stream().filter(e -> e.source().equals(CRITERION)).count();
        text.append('\n').append(criteria == 0
                ? "custom criteria: none (define them under criteria: in llmeval.yaml; see docs/metrics.md)"
                : "custom criteria: " + criteria + " from " + source
                        + " (scored by default with the default metrics; an LLM judge is needed)").append('\n');
        text.append("calls/sample: judge chat calls per sample; K = retrieved chunks\n");
        text.append("offline: whether the offline judge (no --judge) scores it; otherwise it is skipped with the reason\n");
        return text.toString();
    }

    static String json(List<Entry> entries) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Entry entry : entries) {
            MetricInfo info = entry.info();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", info.id());
            row.put("source", entry.source());
            row.put("requires", requires(info));
            row.put("needsLlm", info.needsLlm());
            row.put("offline", offline(info));
            row.put("callsPerSample", info.callsPerSample());
            row.put("higherIsBetter", info.higherIsBetter());
            row.put("summary", info.summary());
            metrics.add(row);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("metrics", metrics)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the metric list as JSON", e);
        }
    }

    /** Whether the offline judge scores the metric: it needs no LLM, or the offline judge has a version of it. */
    static boolean offline(MetricInfo info) {
        return !info.needsLlm() || OfflineMetrics.supportedIds().contains(info.id());
    }

    /** The RAGAS column names of the fields a metric reads, in {@link SampleField} order. */
    private static List<String> requires(MetricInfo info) {
        return info.requires().stream().sorted(Comparator.naturalOrder()).map(SampleField::columnName).toList();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
