package dev.llmeval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Reads a saved {@code report.json} back, so that its other formats can be written again. */
public final class ReportReader {

    private ReportReader() {}

    public static RunReport read(Path file) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw invalid(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(file, "cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !"llmeval".equals(root.at("/tool/name").asText())
                || !root.path("samples").isArray()) {
            throw invalid(file, "not an llmeval report.json");
        }
        try {
            List<SampleReport> samples = new ArrayList<>();
            root.path("samples").forEach(s -> samples.add(SampleLines.read(s.toString())));
            return new RunReport(
                    Json.MAPPER.treeToValue(root.path("tool"), ToolInfo.class),
                    Json.MAPPER.treeToValue(root.path("run"), RunInfo.class),
                    Json.MAPPER.convertValue(root.path("metrics"),
                            new TypeReference<LinkedHashMap<String, MetricReport>>() {}),
                    samples,
                    Json.MAPPER.treeToValue(root.path("gate"), GateReport.class));
        } catch (JsonProcessingException | IllegalArgumentException | IllegalStateException e) {
            throw invalid(file, "not a report this llmeval can read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static LlmevalException invalid(Path file, String problem) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, file + ": " + problem);
    }
}
