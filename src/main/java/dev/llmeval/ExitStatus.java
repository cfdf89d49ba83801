package dev.llmeval;

/** The documented process exit codes of llmeval. */
public enum ExitStatus {
    PASSED(0, "all thresholds met"),
    GATE_FAILED(1, "a threshold failed"),
    USAGE(2, "usage error (unknown option, bad value)"),
    INVALID_INPUT(3, "invalid dataset or config"),
    TARGET_FAILED(4, "target error"),
    JUDGE_FAILED(5, "judge failure (judge unreachable or every call failed)"),
    INTERNAL(70, "internal error (a bug: please report it)");

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
