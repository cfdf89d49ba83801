package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.report.OutDirLock;
import dev.llmeval.report.ReportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code llmeval report --from report.json}: writes a saved run's reports again, nothing rescored. */
public final class Rerender {

    private Rerender() {}

    /**
     * @param outDir where to write; null for the folder of {@code from}
     * @param env the environment, for {@code $GITHUB_STEP_SUMMARY}
     */
    public static ExitStatus run(PrintWriter out, Path from, List<String> formats, Path outDir,
            Map<String, String> env) {
        List<String> chosen = RunOutput.formats(formats == null || formats.isEmpty() ? List.of("html") : formats);
        RunOutput output = new RunOutput(ReportReader.read(from));
        Path dir = outDir != null ? outDir : from.toAbsolutePath().getParent();
        List<Path> written;
        try (OutDirLock lock = OutDirLock.acquire(dir)) {
            written = output.write(dir, chosen, env.get("GITHUB_STEP_SUMMARY"));
        }
        out.println("reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
        out.flush();
        return ExitStatus.PASSED;
    }
}
