package dev.llmeval.traces;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-written trace exports under src/test/resources/traces, read into traces by id. */
final class Fixtures {

    private Fixtures() {}

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/traces/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Trace> read(String system, String relative) {
        return read(system, relative, TraceFields.DEFAULT);
    }

    static Map<String, Trace> read(String system, String relative, TraceFields fields) {
        List<Trace> traces = new ArrayList<>();
        TraceSource.of(system, fields).read(path(relative), traces::add);
        Map<String, Trace> byId = new LinkedHashMap<>();
        traces.forEach(t -> byId.put(t.traceId(), t));
        return byId;
    }
}
