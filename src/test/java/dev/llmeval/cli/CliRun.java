package dev.llmeval.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real entry point with captured streams, as tests see it. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, String> env, Path workingDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, workingDir, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
