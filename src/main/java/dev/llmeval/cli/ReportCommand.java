package dev.llmeval.cli;

import dev.llmeval.app.Rerender;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code llmeval report}: parses its options and hands them to {@link Rerender}. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Write the reports of a saved run again (e.g. HTML or Markdown from a CI artifact), "
                + "without rescoring anything.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "REPORT.json", description = "A report.json of llmeval run.")
    Path from;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "json, html, junit and/or markdown (default: html).")
    List<String> formats;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the folder of --from).")
    Path out;

    private final Map<String, String> env;

    ReportCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Rerender.run(spec.commandLine().getOut(), from, formats, out, env).code();
    }
}
