package dev.llmeval.judge;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a judge step must answer: a JSON object matching {@code schema}, read into {@code type}
 * (a record) with Jackson, and usable for the input it was asked about.
 *
 * @param name short schema name sent to the provider, e.g. {@code statements}
 * @param schema the JSON schema of the reply object
 * @param type the record the reply is read into
 * @param check what makes a read reply unusable for this input (e.g. no sentences for a reference
 *     that has text), or null when it is usable; null for no check
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
     * This spec, where a reply that {@code check} finds a problem with is not usable: the judge
     * sends the repair request quoting the problem, and fails the step when the repaired reply is
     * not usable either. An unusable reply is never cached (see {@link ChatModelJudge}).
     *
     * @param check the problem with a reply, said so that it can be quoted back to the model
     *     ({@code the list "sentences" is empty, but the reference has text}), or null when usable
     */
    public OutputSpec<T> requiring(Function<T, String> check) {
        return new OutputSpec<>(name, schema, type, check);
    }

    /** The problem {@link #check} finds with {@code value}, or null. */
    String problem(T value) {
        return check == null ? null : check.apply(value);
    }
}
