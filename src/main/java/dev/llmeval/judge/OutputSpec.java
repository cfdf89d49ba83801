package dev.llmeval.judge;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a judge step must answer: a JSON object matching {@code schema}, read into {@code type}
 * (a record) with Jackson.
 *
 * @param name short schema name sent to the provider, e.g. {@code statements}
 * @param schema the JSON schema of the reply object
 * @param type the record the reply is read into
 * @param check what makes a reply that parses unusable for this call (a verdict missing for a
 *     statement), or null when there is nothing; see {@link #usable}
 */
public record OutputSpec<T>(String name, JsonObjectSchema schema, Class<T> type, Function<T, String> check) {
    public OutputSpec {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(type, "type == null");
    }

    public OutputSpec(String name, JsonObjectSchema schema, Class<T> type) {
        this(name, schema, type, null);
    }

    /**
     * This spec, where a reply that parses but for which {@code problem} returns a message (say
     * {@code "the reply has 2 verdicts for 3 statements"}) counts as unreadable: the judge asks for
     * a repair quoting the message, and such a reply is never cached.
     */
    public OutputSpec<T> usable(Function<T, String> problem) {
        return new OutputSpec<>(name, schema, type, problem);
    }
}
