package dev.llmeval.cli;

import dev.llmeval.app.Reviews;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code llmeval review}: the review queue's subcommands, each handing over to {@link Reviews}. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Review golden-set candidates in the queue (one JSON file per item, kept in git), "
                + "and promote the accepted ones into the golden set (docs/production.md).",
        subcommands = {
            ReviewCommand.ListItems.class, ReviewCommand.Show.class, ReviewCommand.Accept.class,
            ReviewCommand.Reject.class, ReviewCommand.Check.class, ReviewCommand.Promote.class,
            ReviewCommand.Export.class, ReviewCommand.Scores.class
        })
final class ReviewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --queue} and {@code --config}, shared by every subcommand. */
    static final class QueueOptions {
        @Option(names = "--queue", paramLabel = "QUEUE_DIR",
                description = "The review queue folder (default: import.queue of llmeval.yaml, else review-queue).")
        Path queue;

        @Option(names = "--config", paramLabel = "FILE", description = "Settings file; default: ./llmeval.yaml if present.")
        Path config;
    }

    /** The wiring every subcommand needs. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        QueueOptions options = new QueueOptions();

        final Path workingDir;

        Sub(Path workingDir) {
            this.workingDir = workingDir;
        }

        Reviews reviews() {
            return new Reviews(spec.commandLine().getOut(), workingDir, Paths.resolve(workingDir, options.queue),
                    Paths.resolve(workingDir, options.config));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the queue's items: id, status, why picked, question.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:listed", "2:usage error", "3:an invalid item"})
    static final class ListItems extends Sub {
        @Option(names = "--status", paramLabel = "STATUS", description = "Only items with this status: pending, accepted, "
                + "rejected, needs_fix or duplicate.")
        String status;

        ListItems(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().list(status).code();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print an item's file.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:shown", "2:no such item", "3:an invalid item"})
    static final class Show extends Sub {
        @Parameters(paramLabel = "ID", description = "The item's id, or a prefix that only it has.")
        String id;

        Show(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().show(id).code();
        }
    }

    /** accept and reject: the ids, the reviewer and a note. */
    abstract static class Decide extends Sub {
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Item ids (or prefixes).")
        List<String> ids = new ArrayList<>();

        @Option(names = "--reviewer", paramLabel = "NAME", description = "Who reviewed it.")
        String reviewer;

        @Option(names = "--note", paramLabel = "TEXT", description = "A reviewer's note.")
        String note;

        Decide(Path workingDir) {
            super(workingDir);
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Mark items accepted (a one-line change of review.status), optionally with a corrected reference.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:accepted", "2:no such item", "3:an invalid item"})
    static final class Accept extends Decide {
        @Option(names = "--reference", paramLabel = "TEXT", description = "The corrected reference answer.")
        String reference;

        @Option(names = "--context-ids", paramLabel = "ID", split = ",",
                description = "Ids of the retrieved contexts that hold the answer.")
        List<String> contextIds;

        Accept(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().accept(ids, reviewer, note, reference, contextIds).code();
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Mark items rejected.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:rejected", "2:no such item", "3:an invalid item"})
    static final class Reject extends Decide {
        Reject(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().reject(ids, reviewer, note).code();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "For CI: every item must be valid, and a fresh scan must find no personal data in any of "
                    + "its texts. Problems name the file, field and kind, never the value.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every item valid, no personal data found", "1:personal data found in an item",
                "2:usage error", "3:an item is invalid (or the queue is missing)"})
    static final class Check extends Sub {
        Check(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().check().code();
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Append the accepted items to a JSONL golden set with their provenance, drop near-duplicates "
                    + "of its questions (marked duplicate in the queue), record the new version in FILE.meta.json "
                    + "and print the new SHA-256.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:promoted (or nothing to promote)", "2:usage error", "3:an invalid item or golden set"})
    static final class Promote extends Sub {
        @Option(names = "--golden-set", required = true, paramLabel = "FILE.jsonl", description = "The golden set to append to.")
        Path goldenSet;

        @Option(names = "--duplicate-threshold", paramLabel = "COSINE",
                description = "MiniLM cosine at or above which a question duplicates an existing one (default: 0.78; 1 keeps every question).")
        Double threshold;

        Promote(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().promote(Paths.resolve(workingDir, goldenSet), threshold).code();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the queue's items as a JSONL golden set (item ids as sample ids), to score them "
                    + "with llmeval run before reviewing.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:exported", "2:usage error", "3:an invalid item"})
    static final class Export extends Sub {
        @Option(names = "--status", paramLabel = "STATUS", description = "Only items with this status (e.g. pending).")
        String status;

        @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "The file to write.")
        Path file;

        Export(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().export(status, Paths.resolve(workingDir, file)).code();
        }
    }

    @Command(name = "scores", mixinStandardHelpOptions = true,
            description = "Copy the per-sample scores of a run over the exported queue (its report.json) into the "
                    + "items' scores field, for reviewers.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:usage error",
                "3:the report or an item cannot be read"})
    static final class Scores extends Sub {
        @Option(names = "--from", required = true, paramLabel = "REPORT.json", description = "A report.json of llmeval run.")
        Path report;

        Scores(Path workingDir) {
            super(workingDir);
        }

        @Override
        public Integer call() {
            return reviews().scores(Paths.resolve(workingDir, report)).code();
        }
    }
}
