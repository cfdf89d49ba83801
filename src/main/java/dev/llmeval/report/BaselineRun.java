package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a baseline run was made with: its golden set's SHA-256 and version, and its judge prompts'
 * hashes, read from the {@code run} object of its report.json (the samples are skipped, not held).
 * Reports written before versions existed simply have none.
 */
public record BaselineRun(String datasetSha256, Integer datasetVersion, Map<String, String> prompts) {

    /** The baseline's facts; null when the file cannot be read (the baseline gate reports that itself). */
    public static BaselineRun read(Path reportJson) {
        try (InputStream in = Files.newInputStream(reportJson);
                JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("run")) {
                    p.skipChildren();
                    continue;
                }
                JsonNode run = Json.MAPPER.readTree(p);
                JsonNode dataset = run.path("dataset");
                Map<String, String> prompts = new LinkedHashMap<>();
                run.path("prompts").properties().forEach(e -> prompts.put(e.getKey(), e.getValue().asText()));
                return new BaselineRun(dataset.path("sha256").asText(null),
                        dataset.path("version").canConvertToInt() ? dataset.get("version").asInt() : null, prompts);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Console lines saying what changed since the baseline: the golden set (its version when both
     * have one, else its SHA-256) and every judge prompt whose hash differs, was added or removed.
     */
    public List<String> changes(DatasetInfo dataset, Map<String, String> currentPrompts) {
        List<String> lines = new ArrayList<>();
        if (datasetSha256 != null && !datasetSha256.equalsIgnoreCase(dataset.sha256())) {
            String what = datasetVersion != null && dataset.version() != null
                    ? "version " + datasetVersion + " -> " + dataset.version() + ", "
                    : "";
            lines.add(String.format(Locale.ROOT, "changed since the baseline run: the golden set (%ssha256 %s -> %s)",
                    what, short8(datasetSha256), short8(dataset.sha256())));
        }
        List<String> changed = new ArrayList<>();
        currentPrompts.forEach((name, hash) -> {
            if (prompts.containsKey(name) && !Objects.equals(prompts.get(name), hash)) {
                changed.add(name);
            }
        });
        List<String> added = currentPrompts.keySet().stream().filter(n -> !prompts.containsKey(n)).toList();
        List<String> removed = prompts.keySet().stream().filter(n -> !currentPrompts.containsKey(n)).toList();
        if (!changed.isEmpty()) {
            lines.add("changed since the baseline run: judge prompt(s) " + String.join(", ", changed));
        }
        if (!prompts.isEmpty() && !added.isEmpty()) {
            lines.add("not in the baseline run: judge prompt(s) " + String.join(", ", added));
        }
        if (!currentPrompts.isEmpty() && !removed.isEmpty()) {
            lines.add("in the baseline run only: judge prompt(s) " + String.join(", ", removed));
        }
        return lines;
    }

    private static String short8(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(8, sha.length()));
    }
}
