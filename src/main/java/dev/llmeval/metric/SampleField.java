package dev.llmeval.metric;

/** A field of a sample that a metric may need; the name is the RAGAS column name. */
public enum SampleField {
    QUESTION("user_input"),
    ANSWER("response"),
    CONTEXTS("retrieved_contexts"),
    REFERENCE("reference"),
    REFERENCE_CONTEXTS("reference_contexts"),
    RETRIEVED_CONTEXT_IDS("retrieved_context_ids"),
    REFERENCE_CONTEXT_IDS("reference_context_ids");

    private final String columnName;

    SampleField(String columnName) {
        this.columnName = columnName;
    }

    /** The RAGAS column name, as users see it in golden sets and messages. */
    public String columnName() {
        return columnName;
    }
}
