package dev.llmeval.traces;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reads one system's trace export into {@link Trace}s. */
public interface TraceSource {

    /** The systems {@code llmeval import --source} accepts. */
    List<String> SYSTEMS = List.of("otlp", "langfuse", "langsmith");

    /** Reads the file, or every export file of the folder, and hands over each trace. */
    void read(Path input, Consumer<Trace> each);

    static TraceSource of(String system, TraceFields fields) {
        return switch (system) {
            case "otlp" -> new OtlpImporter(fields);
            case "langfuse" -> new LangfuseImporter(fields);
            case "langsmith" -> new LangsmithImporter(fields);
            default -> throw new LlmevalException(ExitStatus.USAGE,
                    "--source " + system + ": unknown source; accepted: " + String.join(", ", SYSTEMS));
        };
    }
}
