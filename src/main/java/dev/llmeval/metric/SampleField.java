package dev.llmeval.metric;

/** A field of a sample that a metric may need; the name is the RAGAS column name. */
public enum SampleField {
    QUESTION("user_input"),
    ANSWER("response"),
    CONTEXTS("retrieved_contexts"),
    REFERENCE("reference");

    private final String columnName;

    SampleField(String columnName) {
        this.columnName = columnName;
    }

    /** The RAGAS column name, as users see it in golden sets and messages. */
    public String columnName() {
        return columnName;
    }
}
