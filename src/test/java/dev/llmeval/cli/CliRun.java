package dev.llmeval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real entry point with captured streams, as tests see it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, workingDir, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** As {@link #of}, with {@code stdin} as standard input. */
    static CliRun withStdin(String stdin, Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), workingDir, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code dataset} to {@code dir/NAME.jsonl} and scores it for faithfulness with the
     * offline judge, quietly, with the reports in {@code dir/NAME}; {@code extra} options follow.
     */
    static CliRun faithfulness(Path dir, String dataset, String name, String... extra) throws IOException {
        Path file = dir.resolve(name + ".jsonl");
        Files.writeString(file, dataset);
        List<String> args = new ArrayList<>(List.of("run", "--dataset", file.toString(), "--metrics", "faithfulness",
                "--quiet", "--out", dir.resolve(name).toString()));
        args.addAll(List.of(extra));
        return of(Map.of(), dir, args.toArray(String[]::new));
    }
}
