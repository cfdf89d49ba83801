package dev.llmeval.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --max-drop} and {@code --significant-only}, shared by {@code run} and {@code compare}. */
final class MaxDropOptions {

    @Option(names = "--max-drop", paramLabel = "METRIC=DELTA",
            description = "Fail (exit 1) when the metric's mean drops more than DELTA against the baseline: "
                    + "absolute (0.05) or relative (5%%). Repeatable.")
    List<String> maxDrops = new ArrayList<>();

    @Option(names = "--significant-only",
            description = "With --max-drop: fail only when the whole confidence interval is below the allowed drop.")
    boolean significantOnly;
}
