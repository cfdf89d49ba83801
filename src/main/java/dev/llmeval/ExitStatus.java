package dev.llmeval;

/**
 * The process exit codes of llmeval, the one place they are defined: {@code --help} lists them
 * from here, and a test checks the tables of the README and docs/ci.md against them.
 */
public enum ExitStatus {
    PASSED(0, "success: for run and compare, every gate passed"),
    GATE_FAILED(1, "a threshold, pass rate or --max-drop failed"),
    USAGE(2, "usage error (unknown option or metric, malformed value, an llmeval.yaml setting the command line"
            + " did not allow), or --out in use by another live run"),
    INVALID_INPUT(3, "invalid dataset, config or report (the message names file, line and field)"),
    TARGET_FAILED(4, "target failure: the RAG system under test is unreachable, or more calls failed than"
            + " --max-target-errors (a partial report is written)"),
    JUDGE_FAILED(5, "judge failure: unreachable or key rejected, every judge call failed, more errors than"
            + " --max-errors, or no room left in the --max-cost budget (a partial report is written)"),
    INTERNAL(70, "internal error (a bug: please report it)"),
    INTERRUPTED(130, "interrupted with Ctrl-C (the partial report is written first)"),
    TERMINATED(143, "terminated by SIGTERM, e.g. kill or a cancelled CI job (the partial report is written first)");

    private final int code;
    private final String meaning;

    ExitStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
