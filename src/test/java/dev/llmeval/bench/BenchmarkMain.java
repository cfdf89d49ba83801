package dev.llmeval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.llmeval.cli.Main;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The rerunnable benchmark ({@code bin/benchmark}): scenarios judge, cpu, memory and offline. Each
 * prints a table and writes {@code target/benchmark/<scenario>.txt}. Uses no test-scope library:
 * runs with {@code target/llmeval.jar:target/lib/*:target/test-classes}.
 */
public final class BenchmarkMain {

    static final List<String> METRICS = List.of("faithfulness", "answer_relevancy", "context_precision",
            "context_recall");
    /** RAGAS LLM calls per sample and metric with K retrieved chunks (ragas-behaviour.md §7, n=3 relevancy). */
    static final int K = 3;
    static final Map<String, Integer> RAGAS_CALLS = Map.of("faithfulness", 2, "answer_relevancy", 1,
            "context_precision", K, "context_recall", 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path outDir;
    private final Integer samplesOption;
    private final Integer latencyOption;
    private final int concurrency;
    private final String embeddingsOption;

    private BenchmarkMain(Path root, Integer samples, Integer latency, int concurrency, String embeddings) {
        this.root = root;
        this.outDir = root.resolve("target/benchmark");
        this.samplesOption = samples;
        this.latencyOption = latency;
        this.concurrency = concurrency;
        this.embeddingsOption = embeddings;
    }

    public static void main(String[] args) throws Exception {
        String scenario = "all";
        Integer samples = null;
        Integer latency = null;
        int concurrency = 16;
        String embeddings = null;
        Path root = Path.of(System.getProperty("llmeval.root", "")).toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--scenario" -> scenario = args[++i];
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latency = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--embeddings" -> embeddings = args[++i];
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("benchmark: unknown option " + a + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        if (embeddings != null && !embeddings.equals("local") && !embeddings.equals("mock")) {
            System.err.println("benchmark: --embeddings must be local or mock");
            System.exit(2);
        }
        BenchmarkMain bench = new BenchmarkMain(root, samples, latency, concurrency, embeddings);
        Files.createDirectories(bench.outDir);
        List<String> scenarios = scenario.equals("all") ? List.of("judge", "cpu", "memory", "offline")
                : List.of(scenario);
        for (String s : scenarios) {
            String report = switch (s) {
                case "judge" -> bench.judge();
                case "cpu" -> bench.cpu();
                case "memory" -> bench.memory();
                case "offline" -> bench.offline();
                case "html" -> bench.html();
                default -> {
                    System.err.println("benchmark: unknown scenario " + s + "\n" + usage());
                    System.exit(2);
                    yield "";
                }
            };
            String header = "# llmeval benchmark: " + s + " (" + machine() + ")\n";
            Files.writeString(bench.outDir.resolve(s + ".txt"), header + report);
            System.out.println(header + report);
            System.out.println("written: " + bench.outDir.resolve(s + ".txt"));
            System.out.println();
        }
        System.exit(0);
    }

    static String usage() {
        return "usage: bin/benchmark [--scenario judge|cpu|memory|offline|html|all] [--samples N] [--latency-ms N]\n"
                + "                     [--concurrency N] [--embeddings local|mock]\n"
                + "defaults: judge 200 samples, 200 ms; cpu 200 samples, 0 ms; memory 2000 and 20000 samples;\n"
                + "html 50000 samples (not in all: it needs Chromium);\n"
                + "concurrency 16; answer-relevancy embeddings: local MiniLM for judge, both for cpu, mock for memory";
    }

    // ---------------------------------------------------------------- html

    /**
     * A large offline run's report.html in headless Chromium: the run scores {@code --samples}
     * (default 50,000) synthetic samples with the offline judge's text metrics (no embedding model,
     * so it takes minutes, not hours), then the page is opened three times and a sort, a filter,
     * the next page and a search are timed in it.
     */
    private String html() throws Exception {
        int samples = samplesOption != null ? samplesOption : 50_000;
        Optional<Path> browser = dev.llmeval.report.HtmlOpenProbe.browser();
        if (browser.isEmpty()) {
            return "skipped: no Chromium (set LLMEVAL_CHROMIUM or put chromium on the PATH)\n";
        }
        Path dataset = Synthetic.write(outDir.resolve("work/html-" + samples + ".jsonl"), samples, K);
        Path out = outDir.resolve("work/report-html-" + samples);
        List<String> args = List.of("run", "--dataset", dataset.toString(), "--metrics",
                "exact_match,rouge_l,bleu,string_similarity", "--quiet", "--out", out.toString(),
                "--format", "json,html,junit,markdown");
        long t0 = System.nanoTime();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), Map.of(), outDir, args.toArray(String[]::new));
        double wall = (System.nanoTime() - t0) / 1e9;
        if (code != 0 && code != 1) {
            return "the run failed with exit " + code + ": " + e + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(samples).append(" samples x 4 metrics (exact_match, rouge_l, bleu, string_similarity), offline judge;"
                + " run wall ").append(fmt(wall, 1)).append(" s, exit ").append(code).append('\n');
        List<List<String>> sizes = new ArrayList<>();
        for (String name : List.of("report.json", "report.html", "junit.xml", "summary.md")) {
            sizes.add(List.of(name, fmt(Files.size(out.resolve(name)) / 1e6, 2)));
        }
        sb.append(table(List.of("file", "MB"), sizes));
        var results = dev.llmeval.report.HtmlOpenProbe.measure(browser.get(), out.resolve("report.html"),
                outDir.resolve("work/chromium"), 3);
        List<List<String>> rows = new ArrayList<>();
        results.forEach((measure, values) -> {
            List<String> row = new ArrayList<>(List.of(measure));
            row.addAll(values);
            rows.add(row);
        });
        sb.append('\n').append(table(List.of("in headless Chromium (" + browser.get() + ")", "1st", "2nd", "3rd"), rows));
        return sb.toString();
    }

    // ---------------------------------------------------------------- judge

    private String judge() throws Exception {
        int samples = samplesOption != null ? samplesOption : 200;
        int latency = latencyOption != null ? latencyOption : 200;
        String embeddings = embeddingsOption != null ? embeddingsOption : "local";
        Path dataset = Synthetic.write(outDir.resolve("work/judge-" + samples + ".jsonl"), samples, K);
        try (MockJudge server = MockJudge.start(this, latency, Math.max(64, concurrency * 2))) {
            warmUp(server);
            Map<String, long[]> before = server.stats(true);
            long start = System.nanoTime();
            Run run = runInProcess(dataset, server, embeddings, "judge");
            double wall = (System.nanoTime() - start) / 1e9;
            Map<String, long[]> after = server.stats(true);
            Map<String, long[]> delta = minus(after, before, true);
            long calls = chatCalls(delta);
            double ideal = calls * (latency / 1000.0) / concurrency;
            double ratio = ideal > 0 ? wall / ideal : Double.NaN;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "samples %d x %d metrics, %d chunks each, latency %d ms, "
                    + "--concurrency %d --no-cache --quiet, answer-relevancy embeddings: %s%n", samples,
                    METRICS.size(), K, latency, concurrency, describe(embeddings)));
            sb.append("exit code ").append(run.code).append('\n');
            sb.append(table(List.of("measure", "value", "target", "result"), List.of(
                    List.of("wall time", fmt(wall, 2) + " s", "", ""),
                    List.of("judge calls (server count)", Long.toString(calls), "", ""),
                    List.of("ideal = calls x latency / concurrency", fmt(ideal, 2) + " s", "", ""),
                    List.of("wall / ideal", fmt(ratio, 2), "<= 1.30", ratio <= 1.3 ? "PASS" : "MISS"))));
            sb.append('\n').append(perMetric(delta, samples, run.report));
            return sb.toString();
        }
    }

    /** One small run first so JIT, class loading and the MiniLM load are not billed to the measured run. */
    private void warmUp(MockJudge server) throws Exception {
        Path warm = Synthetic.write(outDir.resolve("work/warmup.jsonl"), 8, K);
        runInProcess(warm, server, embeddingsOption != null ? embeddingsOption : "local", "warmup");
    }

    private String perMetric(Map<String, long[]> delta, int samples, JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        long totalCalls = 0;
        long totalTokens = 0;
        int ragasTotal = 0;
        for (String metric : METRICS) {
            long calls = 0;
            long tokens = 0;
            for (Map.Entry<String, long[]> e : delta.entrySet()) {
                if (e.getKey().startsWith("chat ") && metric.equals(metricOf(e.getKey().substring(5)))) {
                    calls += e.getValue()[0];
                    tokens += e.getValue()[1];
                }
            }
            totalCalls += calls;
            totalTokens += tokens;
            ragasTotal += RAGAS_CALLS.get(metric);
            long reported = report == null ? -1 : report.path("metrics").path(metric).path("usage").path("calls").asLong(-1);
            rows.add(List.of(metric, fmt((double) calls / samples, 2), reported < 0 ? "?" : fmt((double) reported / samples, 2),
                    fmt((double) tokens / samples, 0), Integer.toString(RAGAS_CALLS.get(metric))
                            + (metric.equals("context_precision") ? " (K)" : "")));
        }
        rows.add(List.of("total", fmt((double) totalCalls / samples, 2), "", fmt((double) totalTokens / samples, 0),
                ragasTotal + " (4 + K)"));
        return "per sample (K = " + K + "); prompt tokens = o200k_base tokens of all messages sent, counted by the server\n"
                + table(List.of("metric", "calls/sample (server)", "calls/sample (report.json)",
                        "prompt tokens/sample", "RAGAS calls/sample"), rows);
    }

    static String metricOf(String schema) {
        return switch (schema) {
            case "statements", "statement_verdicts" -> "faithfulness";
            case "questions" -> "answer_relevancy";
            case "chunk_verdicts", "chunk_verdict" -> "context_precision";
            case "attributions" -> "context_recall";
            default -> "other";
        };
    }

    // ---------------------------------------------------------------- cpu

    private String cpu() throws Exception {
        int samples = samplesOption != null ? samplesOption : 200;
        int latency = latencyOption != null ? latencyOption : 0;
        Path dataset = Synthetic.write(outDir.resolve("work/cpu-" + samples + ".jsonl"), samples, K);
        List<String> modes = embeddingsOption != null ? List.of(embeddingsOption) : List.of("local", "mock");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<String>> rows = new ArrayList<>();
        try (MockJudge server = MockJudge.start(this, latency, Math.max(16, concurrency))) {
            for (String mode : modes) {
                for (String pass : List.of("cold (first run in this JVM)", "warm (second run)")) {
                    boolean cold = pass.startsWith("cold");
                    if (cold && !rows.isEmpty()) {
                        pass = "warm (JVM already ran)";
                    }
                    System.gc();
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    Run run = runInProcess(dataset, server, mode, "cpu");
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
                    double perSample = cpuMs / samples;
                    rows.add(List.of(describe(mode), pass, Integer.toString(run.code), fmt(wall, 2) + " s",
                            fmt(cpuMs, 0) + " ms", fmt(perSample, 2) + " ms", "< 5 ms", perSample < 5 ? "PASS" : "MISS"));
                }
            }
        }
        return String.format(Locale.ROOT, "samples %d x %d metrics, %d chunks each, latency %d ms, --concurrency %d "
                        + "--no-cache --quiet%nprocess CPU = getProcessCpuTime of the benchmark JVM around Main.run "
                        + "(all threads: scoring, HTTP client, JSON, report writing, GC, JIT); the mock judge runs "
                        + "in a separate JVM and is not counted%n", samples, METRICS.size(), K, latency, concurrency)
                + table(List.of("answer-relevancy embeddings", "run", "exit", "wall", "process CPU",
                        "CPU/sample", "target", "result"), rows);
    }

    // ---------------------------------------------------------------- memory

    private String memory() throws Exception {
        List<Integer> sizes = samplesOption != null ? List.of(samplesOption) : List.of(2_000, 20_000);
        int latency = latencyOption != null ? latencyOption : 0;
        String embeddings = embeddingsOption != null ? embeddingsOption : "mock";
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, Double> peaks = new LinkedHashMap<>();
        for (int n : sizes) {
            Path dataset = Synthetic.write(outDir.resolve("work/memory-" + n + ".jsonl"), n, K);
            try (MockJudge server = MockJudge.start(this, latency, Math.max(16, concurrency))) {
                List<String> command = new ArrayList<>(javaCommand("-Xmx1g", "-XX:+UseG1GC"));
                command.add(MemoryProbe.class.getName());
                command.add(outDir.toString());
                command.addAll(runArgs(dataset, server, embeddings, outDir.resolve("work/report-memory-" + n)));
                System.err.println("benchmark: memory run with " + n + " samples in a fresh JVM (-Xmx1g)...");
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String result = null;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("RESULT ")) {
                            result = line;
                        }
                    }
                }
                p.waitFor();
                if (result == null) {
                    rows.add(List.of(Integer.toString(n), "probe failed (exit " + p.exitValue() + ")", "", "", "", ""));
                    continue;
                }
                Map<String, Long> v = new LinkedHashMap<>();
                for (String kv : result.substring(7).split(" ")) {
                    String[] parts = kv.split("=");
                    v.put(parts[0], Long.parseLong(parts[1]));
                }
                double peak = v.get("peakUsed") / 1048576.0;
                if (v.get("exit") == 0) {
                    peaks.put(n, peak);
                }
                rows.add(List.of(Integer.toString(n), Long.toString(v.get("exit")), fmt(v.get("wallMs") / 1000.0, 1) + " s",
                        fmt(peak, 0) + " MB", fmt(v.get("peakAfterGc") / 1048576.0, 0) + " MB",
                        fmt(v.get("poolPeaks") / 1048576.0, 0) + " MB"));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "each size in a fresh JVM (-Xmx1g, G1), against the instant mock judge "
                + "(%d ms) in another JVM; --concurrency %d --no-cache --quiet; answer-relevancy embeddings: %s%n"
                + "peak used = highest used heap sampled every 50 ms (includes garbage not yet collected); "
                + "peak after GC = highest heap left after a collection (what the run really holds); "
                + "pool peaks = sum of the heap pools' peak usage%n", latency, concurrency, describe(embeddings)));
        sb.append(table(List.of("samples", "exit", "wall", "peak used heap", "peak after GC", "pool peaks"), rows));
        if (sizes.containsAll(List.of(2_000, 20_000)) && !(peaks.containsKey(2_000) && peaks.containsKey(20_000))) {
            sb.append("\nno verdict: a run did not exit 0, so its peak does not measure a whole run\n");
        } else if (peaks.containsKey(2_000) && peaks.containsKey(20_000)) {
            double big = peaks.get(20_000);
            double growth = big / peaks.get(2_000);
            sb.append('\n').append(table(List.of("target", "measured", "result"), List.of(
                    List.of("peak heap at 20,000 < 512 MB", fmt(big, 0) + " MB", big < 512 ? "PASS" : "MISS"),
                    List.of("peak at 20,000 <= 1.5 x peak at 2,000", fmt(growth, 2) + " x", growth <= 1.5 ? "PASS" : "MISS"))));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- offline

    private String offline() throws Exception {
        Path dataset = root.resolve("../shared/datasets/wikieval/wikieval.jsonl").normalize();
        if (!Files.isRegularFile(dataset)) {
            return "skipped: " + dataset + " is absent\n";
        }
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dataset)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        int samples = rows.size();
        Path out = outDir.resolve("work/report-offline");
        List<String> args = List.of("run", "--dataset", dataset.toString(), "--metrics", String.join(",", METRICS),
                "--quiet", "--out", out.toString());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StackSampler sampler = new StackSampler();
        sampler.start();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), Map.of(), outDir, args.toArray(String[]::new));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        sampler.stop();
        if (code != 0 && code != 1) {
            System.err.println(e);
        }

        // The same texts, embedded by the model alone: question, and the sentences of the response,
        // the reference and each chunk, one embedAll per sample and text group.
        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        model.embed("warm up");
        long texts = 0;
        long ecpu0 = os.getProcessCpuTime();
        long e0 = System.nanoTime();
        for (JsonNode row : rows) {
            List<TextSegment> segments = new ArrayList<>();
            segments.add(TextSegment.from(row.path("user_input").asText(" ")));
            for (String field : List.of("response", "reference")) {
                for (String s : sentences(row.path(field).asText(""))) {
                    segments.add(TextSegment.from(s));
                }
            }
            for (JsonNode chunk : row.path("retrieved_contexts")) {
                for (String s : sentences(chunk.asText(""))) {
                    segments.add(TextSegment.from(s));
                }
            }
            texts += segments.size();
            model.embedAll(segments);
        }
        double embed = (System.nanoTime() - e0) / 1e9;
        double embedCpu = (os.getProcessCpuTime() - ecpu0) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d samples x %d metrics, offline judge (default), one cold run "
                + "through Main.run (includes loading the MiniLM model), exit code %d%n", dataset.getFileName(),
                samples, METRICS.size(), code));
        sb.append(table(List.of("measure", "value"), List.of(
                List.of("wall time, all four metrics", fmt(wall, 2) + " s"),
                List.of("process CPU of the run", fmt(cpu, 1) + " s (" + fmt(cpu * 1000 / samples, 0) + " ms/sample)"),
                List.of("samples per second", fmt(samples / wall, 2)),
                List.of("share of busy scoring/embedding thread stack samples inside the embedding model",
                        sampler.describe()),
                List.of("embedAll over the samples' texts once (" + texts + " texts, one call per sample)",
                        fmt(embed, 2) + " s wall, " + fmt(embedCpu, 1) + " s CPU"),
                List.of("  = per sample", fmt(embed * 1000 / samples, 0) + " ms wall"))));
        sb.append("The offline metrics embed per metric (statements, chunk sentences, questions), so the one-pass\n"
                + "embedAll time is a lower bound of the model's share; the stack-sample share measures it directly.\n");
        return sb.toString();
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Samples the stacks of llmeval's scoring threads every 10 ms; counts those inside the embedding model. */
    static final class StackSampler implements Runnable {
        private volatile boolean running = true;
        private final Thread thread = new Thread(this, "bench-stack-sampler");
        private long busy;
        private long inModel;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    Thread t = e.getKey();
                    if (t == thread || t.getName().equals("main") || t.getState() != Thread.State.RUNNABLE) {
                        continue;
                    }
                    boolean llmeval = false;
                    boolean model = false;
                    for (StackTraceElement f : e.getValue()) {
                        String c = f.getClassName();
                        llmeval |= c.startsWith("dev.llmeval.") && !c.startsWith("dev.llmeval.bench.");
                        model |= c.startsWith("ai.onnxruntime.") || c.startsWith("dev.langchain4j.model.embedding.")
                                || c.startsWith("ai.djl.");
                    }
                    // scoring threads, and LangChain4j's embedAll worker threads (no llmeval frame)
                    if (llmeval || model) {
                        busy++;
                        if (model) {
                            inModel++;
                        }
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }

        String describe() {
            return busy == 0 ? "no samples" : fmt(100.0 * inModel / busy, 0) + " % (" + inModel + " of " + busy + ")";
        }
    }

    // ---------------------------------------------------------------- shared

    record Run(int code, JsonNode report) {}

    private Run runInProcess(Path dataset, MockJudge server, String embeddings, String name) throws IOException {
        Path out = outDir.resolve("work/report-" + name);
        List<String> args = runArgs(dataset, server, embeddings, out);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), Map.of(), outDir, args.toArray(String[]::new));
        if (code != 0 && code != 1) {
            System.err.println("benchmark: llmeval exited " + code + ":\n" + e);
        }
        Path report = out.resolve("report.json");
        return new Run(code, Files.isRegularFile(report) ? JSON.readTree(report.toFile()) : null);
    }

    private List<String> runArgs(Path dataset, MockJudge server, String embeddings, Path out) {
        List<String> args = new ArrayList<>(List.of("run", "--dataset", dataset.toString(), "--judge", "openai",
                "--judge-base-url", server.judgeUrl, "--judge-model", "test-judge", "--metrics", String.join(",", METRICS),
                "--concurrency", Integer.toString(concurrency), "--no-cache", "--quiet", "--out", out.toString()));
        if (embeddings.equals("mock")) {
            args.addAll(List.of("--embeddings", "openai"));
        }
        return args;
    }

    static String describe(String embeddings) {
        return embeddings.equals("mock") ? "mock server (--embeddings openai)" : "local MiniLM (default)";
    }

    List<String> javaCommand(String... jvmOptions) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    static long chatCalls(Map<String, long[]> stats) {
        return stats.entrySet().stream().filter(e -> e.getKey().startsWith("chat ")).mapToLong(e -> e.getValue()[0]).sum();
    }

    static Map<String, long[]> minus(Map<String, long[]> after, Map<String, long[]> before, boolean tokensOnlyAfter) {
        Map<String, long[]> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            long[] b = before.getOrDefault(k, new long[2]);
            delta.put(k, new long[] {v[0] - b[0], v[1] - b[1]});
        });
        return delta;
    }

    /** The mock judge in a child JVM. */
    static final class MockJudge implements AutoCloseable {
        final Process process;
        final String judgeUrl;
        final String statsUrl;
        private final HttpClient http = HttpClient.newHttpClient();

        private MockJudge(Process process, String judgeUrl, String statsUrl) {
            this.process = process;
            this.judgeUrl = judgeUrl;
            this.statsUrl = statsUrl;
        }

        static MockJudge start(BenchmarkMain bench, int latency, int threads) throws IOException {
            List<String> command = new ArrayList<>(bench.javaCommand("-Xmx3g", "-XX:+UseParallelGC",
                    "-Dsun.net.httpserver.nodelay=true"));
            command.add(MockJudgeServer.class.getName());
            command.add(Integer.toString(latency));
            command.add(Integer.toString(threads));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            if (line == null || !line.startsWith("READY ")) {
                p.destroyForcibly();
                throw new IOException("mock judge did not start: " + line);
            }
            String[] parts = line.split(" ");
            return new MockJudge(p, parts[1], parts[2]);
        }

        /** Cumulative counts: {@code "chat <schema>" -> [calls, promptTokens]}, {@code "embeddings" -> [requests, texts]}. */
        Map<String, long[]> stats(boolean tokens) throws IOException, InterruptedException {
            String body = http.send(HttpRequest.newBuilder(URI.create(statsUrl + "/stats" + (tokens ? "?tokens=1" : "")))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, long[]> stats = new LinkedHashMap<>();
            for (String line : body.split("\n")) {
                String[] p = line.split(" ");
                if (p[0].equals("chat")) {
                    stats.put("chat " + (p[1].equals("-") ? "" : p[1]), new long[] {Long.parseLong(p[2]), Long.parseLong(p[3])});
                } else if (p[0].equals("embeddings")) {
                    stats.put("embeddings", new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
                }
            }
            return stats;
        }

        @Override
        public void close() throws Exception {
            try {
                http.send(HttpRequest.newBuilder(URI.create(statsUrl + "/stop")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Synthetic golden sets: each sample with its own question, K chunks, a response and a reference. */
    static final class Synthetic {
        private static final String[] TOPICS = {"password reset", "billing cycle", "API rate limit", "data export",
                "two-factor login", "team invitations", "audit logs", "webhook retries"};

        static Path write(Path file, int n, int chunks) throws IOException {
            if (Files.isRegularFile(file)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                for (int i = 0; i < n; i++) {
                    String topic = TOPICS[i % TOPICS.length];
                    ObjectNode s = JSON.createObjectNode();
                    s.put("id", "s-" + i);
                    s.put("user_input", "How does the " + topic + " work for account " + i + "?");
                    var contexts = s.putArray("retrieved_contexts");
                    for (int c = 0; c < chunks; c++) {
                        contexts.add("Section " + (c + 1) + " on " + topic + " (doc " + (i * 7 + c) % 997 + "): the "
                                + topic + " is configured under Settings. Admins can change it for account " + i
                                + ". Changes apply within " + (c + 1) * 5 + " minutes and are logged.");
                    }
                    s.put("response", "The " + topic + " is configured under Settings; admins change it for account "
                            + i + ". Changes apply within 5 minutes.");
                    s.put("reference", "Configure the " + topic + " under Settings. Only admins can change it.");
                    w.write(JSON.writeValueAsString(s));
                    w.write('\n');
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    // ---------------------------------------------------------------- formatting

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String table(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, width);
        for (List<String> row : rows) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            sb.append(' ').append(String.format("%-" + width[i] + "s", cells.get(i))).append(" |");
        }
        sb.append('\n');
    }

    static String machine() {
        long memGb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores, " + memGb + " GB RAM, Java "
                + System.getProperty("java.version") + " " + System.getProperty("java.vm.name");
    }
}
