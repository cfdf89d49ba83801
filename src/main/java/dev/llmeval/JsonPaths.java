package dev.llmeval;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** How messages name the place Jackson failed at: {@code judge.timeout}, {@code statements[2].verdict}. */
public final class JsonPaths {

    private JsonPaths() {}

    /** The dotted path of a Jackson mapping error's references; empty when there are none. */
    public static String of(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
