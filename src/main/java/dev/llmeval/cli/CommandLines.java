package dev.llmeval.cli;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The one place where the command line is wired: streams, error policy and exit codes. */
final class CommandLines {

    private CommandLines() {}

    static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir) {
        CommandLine cli = new CommandLine(new LlmevalCommand(), new Factory(env, workingDir));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(CommandLines::exitCodeOf);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter stderr = commandLine.getErr();
            if (e instanceof LlmevalException known) {
                stderr.println("llmeval: " + known.getMessage());
            } else {
                stderr.println("llmeval: internal error (please report it): " + e);
                e.printStackTrace(stderr);
            }
            stderr.flush();
            return exitCodeOf(e);
        });
        return cli;
    }

    private static int exitCodeOf(Throwable e) {
        if (e instanceof LlmevalException known) {
            return known.status().code();
        }
        if (e instanceof CommandLine.ParameterException) {
            return ExitStatus.USAGE.code();
        }
        return ExitStatus.INTERNAL.code();
    }

    /** Gives commands the environment and working directory, so tests can substitute both. */
    private static final class Factory implements CommandLine.IFactory {
        private final Map<String, String> env;
        private final Path workingDir;

        Factory(Map<String, String> env, Path workingDir) {
            this.env = env;
            this.workingDir = workingDir;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(env, workingDir));
            }
            if (type == MetricsCommand.class) {
                return type.cast(new MetricsCommand(workingDir));
            }
            if (type == ReportCommand.class) {
                return type.cast(new ReportCommand(env));
            }
            if (type == ImportCommand.class) {
                return type.cast(new ImportCommand(workingDir));
            }
            for (Class<?> sub : List.of(ReviewCommand.ListItems.class, ReviewCommand.Show.class,
                    ReviewCommand.Accept.class, ReviewCommand.Reject.class, ReviewCommand.Check.class,
                    ReviewCommand.Promote.class, ReviewCommand.Export.class, ReviewCommand.Scores.class)) {
                if (type == sub) {
                    return type.cast(sub.getDeclaredConstructor(Path.class).newInstance(workingDir));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
