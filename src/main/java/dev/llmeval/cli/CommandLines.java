package dev.llmeval.cli;

import dev.llmeval.EditDistance;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place where the command line is wired: streams, error policy and exit codes. */
final class CommandLines {

    /** Which exit codes each command can end with; their meanings come from {@link ExitStatus}. */
    private static final Map<String, List<ExitStatus>> EXIT_CODES = Map.of(
            "llmeval", List.of(ExitStatus.values()),
            "run", List.of(ExitStatus.values()),
            "compare", List.of(ExitStatus.PASSED, ExitStatus.GATE_FAILED, ExitStatus.USAGE, ExitStatus.INVALID_INPUT,
                    ExitStatus.INTERNAL),
            "report", List.of(ExitStatus.PASSED, ExitStatus.USAGE, ExitStatus.INVALID_INPUT, ExitStatus.INTERNAL),
            "metrics", List.of(ExitStatus.PASSED, ExitStatus.USAGE, ExitStatus.INVALID_INPUT, ExitStatus.INTERNAL));

    private CommandLines() {}

    /** @param stdin what {@code --dataset -} reads */
    static CommandLine create(Supplier<InputStream> stdin, PrintWriter out, PrintWriter err, Map<String, String> env,
            Path workingDir) {
        CommandLine cli = new CommandLine(new LlmevalCommand(), new Factory(stdin, env, workingDir));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(CommandLines::exitCodeOf);
        cli.setParameterExceptionHandler(CommandLines::usageError);
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
        exitCodeLists(cli);
        return cli;
    }

    /** Each command's {@code --help} lists its exit codes with the meanings of {@link ExitStatus}. */
    private static void exitCodeLists(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<ExitStatus> codes = EXIT_CODES.get(spec.name());
        if (codes != null) {
            Map<String, String> list = new LinkedHashMap<>();
            codes.forEach(status -> list.put(Integer.toString(status.code()), status.meaning()));
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
        }
        command.getSubcommands().values().forEach(CommandLines::exitCodeLists);
    }

    /**
     * A command-line mistake: one line naming what was wrong (for a misspelt option or command, the
     * closest ones) and where help is, exit 2; never the whole usage.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String problem = e.getMessage();
        UnmatchedArgumentException unmatched = e instanceof UnmatchedArgumentException u ? u
                : unknownOption(command, args).map(arg -> new UnmatchedArgumentException(command, List.of(arg)))
                        .orElse(null);
        if (unmatched != null && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            problem = (arg.startsWith("-") ? "unknown option '" + arg + "'"
                    : command.getSubcommands().isEmpty() ? "unexpected argument '" + arg + "'"
                            : "unknown command '" + arg + "'");
            List<String> suggestions = arg.startsWith("-") ? unmatched.getSuggestions()
                    : command.getSubcommands().keySet().stream()
                            .filter(sub -> EditDistance.of(arg, sub) <= Math.max(1, sub.length() / 3)).toList();
            if (!suggestions.isEmpty()) {
                problem += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3,
                        suggestions.size()))) + "?";
            }
        }
        err.println("llmeval: " + problem + " (see '" + name + " --help')");
        err.flush();
        return ExitStatus.USAGE.code();
    }

    /**
     * An argument that looks like an option of {@code command} but is none: picocli reports a
     * missing required option before an unknown one, and the misspelt option is the cause.
     */
    private static Optional<String> unknownOption(CommandLine command, String[] args) {
        CommandSpec spec = command.getCommandSpec();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean looksLikeOption = arg.startsWith("--") ? arg.length() > 2
                    : arg.length() > 1 && arg.startsWith("-") && Character.isLetter(arg.charAt(1));
            if (looksLikeOption && spec.findOption(name) == null && !spec.subcommands().containsKey(arg)) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static int exitCodeOf(Throwable e) {
        if (e instanceof LlmevalException known) {
            return known.status().code();
        }
        if (e instanceof ParameterException) {
            return ExitStatus.USAGE.code();
        }
        return ExitStatus.INTERNAL.code();
    }

    /** Gives commands the environment, working directory and standard input, so tests can substitute them. */
    private static final class Factory implements CommandLine.IFactory {
        private final Supplier<InputStream> stdin;
        private final Map<String, String> env;
        private final Path workingDir;

        Factory(Supplier<InputStream> stdin, Map<String, String> env, Path workingDir) {
            this.stdin = stdin;
            this.env = env;
            this.workingDir = workingDir;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(env, workingDir, stdin));
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
