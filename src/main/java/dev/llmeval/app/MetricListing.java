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
    private static final List<String> HEADERS = List.of("metric", "judge", "calls", "better", "requires");
    private static final List<String> WIDE_HEADERS =
            List.of("metric", "judge", "calls/sample", "better", "requires", "summary");
    /** The table's width without {@code --wide}. */
    static final int WIDTH = 100;

    private MetricListing() {}

    /** One listed metric and where it comes from ({@value #BUILT_IN} or {@value #CRITERION}). */
    record Entry(MetricInfo info, String source) {}

    /**
     * @param config {@code --config}, or null for {@code llmeval.yaml} in {@code workingDir} if present
     * @param json JSON instead of a table
     * @param wide a table with every column on one line, wider than 100 columns
     */
    public static ExitStatus run(PrintWriter out, Path config, Path workingDir, boolean json, boolean wide) {
        EvalConfig settings = ConfigFile.load(config, workingDir);
        List<Entry> entries = entries(CriteriaSetup.of(settings));
        out.print(json ? json(entries) : table(entries, settings.source(), wide));
        out.flush();
        return ExitStatus.PASSED;
    }

    static List<Entry> entries(List<Criterion> criteria) {
        List<Entry> entries = new ArrayList<>();
        MetricCatalog.all().forEach(info -> entries.add(new Entry(info, BUILT_IN)));
        criteria.forEach(c -> entries.add(new Entry(Criteria.info(c), CRITERION)));
        return List.copyOf(entries);
    }

    /**
     * The table: in at most {@value #WIDTH} columns (the fields a metric requires wrap onto a second
     * line when needed, notes go below), or with {@code wide} every column on one line each,
     * the calls' notes and the summary included.
     */
    static String table(List<Entry> entries, Path source, boolean wide) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(wide ? WIDE_HEADERS : HEADERS);
        for (Entry entry : entries) {
            MetricInfo info = entry.info();
            String calls = wide ? info.callsPerSample() : info.calls() + (info.callsNote() == null ? "" : "*");
            List<String> row = new ArrayList<>(List.of(info.id(), judge(info), calls,
                    info.higherIsBetter() ? "higher" : "lower",
                    String.join(wide ? "," : ", ", requires(info))));
            if (wide) {
                row.add(info.summary());
            }
            rows.add(row);
        }
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        int lastColumn = 0;
        for (int i = 0; i < columns - 1; i++) {
            lastColumn += widths[i] + 2;
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns - 1; i++) {
                line.append(pad(row.get(i), widths[i])).append("  ");
            }
            String last = row.get(columns - 1);
            text.append(wide ? line + last : wrap(line.toString(), last, lastColumn)).append('\n');
        }
        text.append('\n');
        long criteria = entries.stream().filter(e -> e.source().equals(CRITERION)).count();
        List<String> notes = new ArrayList<>();
        notes.add(criteria == 0
                ? "custom criteria: none (define them under criteria: in llmeval.yaml; see docs/metrics.md)"
                : "custom criteria: " + criteria + " from " + source
                        + " (scored by default with the default metrics; an LLM judge is needed)");
        notes.add("judge: LLM or offline = scored by an LLM judge and by the offline judge (no --judge);"
                + " LLM only = needs --judge, else skipped with the reason; none = no judge needed,"
                + " the same score under every judge");
        notes.add("calls: judge chat calls per sample" + (wide ? "; K = retrieved chunks" : "; * as noted here:"));
        if (!wide) {
            Map<String, List<String>> byNote = new LinkedHashMap<>();
            entries.stream().map(Entry::info).filter(i -> i.callsNote() != null)
                    .forEach(i -> byNote.computeIfAbsent(i.callsNote(), k -> new ArrayList<>()).add(i.id()));
            byNote.forEach((note, ids) -> notes.add("* " + String.join(", ", ids) + ": " + note
                    + (note.contains("K ") ? " (K = retrieved chunks)" : "")));
            notes.add("--wide shows every column on one line, with each metric's summary");
        }
        for (String note : notes) {
            text.append(wide ? note : wrap("", note, 2)).append('\n');
        }
        return text.toString();
    }

    /**
     * {@code prefix + last}, the words of {@code last} wrapped to {@value #WIDTH} columns, each further
     * line indented to {@code indent}.
     */
    private static String wrap(String prefix, String last, int indent) {
        StringBuilder out = new StringBuilder(prefix);
        int lineStart = 0;
        for (String word : last.split(" ")) {
            boolean first = out.length() == prefix.length();
            if (!first && out.length() - lineStart + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
                out.append(" ".repeat(indent));
            } else if (!first) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    /** Who can score the metric: an LLM judge and the offline judge, an LLM judge only, or no judge at all. */
    static String judge(MetricInfo info) {
        if (!info.needsLlm()) {
            return "none";
        }
        return OfflineMetrics.supportedIds().contains(info.id()) ? "LLM or offline" : "LLM only";
    }

    static String json(List<Entry> entries) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Entry entry : entries) {
            MetricInfo info = entry.info();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", info.id());
            row.put("source", entry.source());
            row.put("requires", requires(info));
            row.put("needs_llm", info.needsLlm());
            row.put("offline", offline(info));
            row.put("judge", judge(info));
            row.put("calls_per_sample", info.calls());
            row.put("calls_note", info.callsNote());
            row.put("higher_is_better", info.higherIsBetter());
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
