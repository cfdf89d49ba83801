package dev.llmeval.judge;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Objects;

/**
 * What a judge step must answer: a JSON object matching {@code schema}, read into {@code type}
 * (a record) with Jackson.
 *
 * @param name short schema name sent to the provider, e.g. {@code statements}
 * @param schema the JSON schema of the reply object
 * @param type the record the reply is read into
 */
public record OutputSpec<T>(String name, JsonObjectSchema schema, Class<T> type) {
    public OutputSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(type, "type == null");
    }
}
