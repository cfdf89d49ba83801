package dev.llmeval.judge;

/** How the judge asks the model for JSON. The prompt always describes the JSON as well. */
public enum OutputMode {
    /** A JSON schema when the model supports one, otherwise JSON mode. */
    AUTO,
    /** Always send the JSON schema as the response format. */
    SCHEMA,
    /** JSON mode: a JSON response format without a schema. */
    JSON,
    /** No response format: the prompt alone asks for JSON. */
    TEXT
}
