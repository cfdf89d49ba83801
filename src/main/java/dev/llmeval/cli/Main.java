package dev.llmeval.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The process entry point: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(System.in, out, err, System.getenv(), Path.of("").toAbsolutePath(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs llmeval with the given streams, environment and working directory, and no standard input; never throws. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, String... args) {
        return run(InputStream.nullInputStream(), out, err, env, workingDir, args);
    }

    /** Runs llmeval with the given streams (stdin for {@code --dataset -}), environment and working directory; never throws. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir,
            String... args) {
        return CommandLines.create(() -> in, out, err, env, workingDir).execute(args);
    }
}
