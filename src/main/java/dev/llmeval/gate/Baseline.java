package dev.llmeval.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The scores of a previous run, read from its {@code report.json}, to compare a run with.
 *
 * @param scores metric id to sample id to score, SCORED samples only, in the report's order;
 *     every metric of the report is a key, with an empty map when none of its samples was scored
 * @param means metric id to the mean the report recorded; metrics whose mean was {@code null}
 *     (nothing scored) are left out
 */
public record Baseline(Map<String, Map<String, Double>> scores, Map<String, Double> means) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public Baseline {
        Objects.requireNonNull(scores, "scores == null");
        Objects.requireNonNull(means, "means == null");
        LinkedHashMap<String, Map<String, Double>> copy = new LinkedHashMap<>();
        scores.forEach((metric, byId) -> {
            LinkedHashMap<String, Double> inner = new LinkedHashMap<>();
            byId.forEach((id, score) -> inner.put(
                    Objects.requireNonNull(id, metric + ": null sample id"), checked(metric, id, score)));
            copy.put(Objects.requireNonNull(metric, "null metric id"), Collections.unmodifiableMap(inner));
        });
        LinkedHashMap<String, Double> meansCopy = new LinkedHashMap<>();
        means.forEach((metric, mean) -> meansCopy.put(
                Objects.requireNonNull(metric, "null metric id"), checked(metric, "mean", mean)));
        scores = Collections.unmodifiableMap(copy);
        means = Collections.unmodifiableMap(meansCopy);
    }

    /** A baseline holding {@code scores}, with each metric's mean computed from them. */
    public static Baseline of(Map<String, Map<String, Double>> scores) {
        LinkedHashMap<String, Double> means = new LinkedHashMap<>();
        scores.forEach((metric, byId) -> {
            if (!byId.isEmpty()) {
                means.put(metric, byId.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
            }
        });
        return new Baseline(scores, means);
    }

    /** The metrics the baseline ran, in report order. */
    public Set<String> metrics() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(scores.keySet()));
    }

    /** Sample id to score for {@code metricId}, SCORED samples only; empty when it was not run. */
    public Map<String, Double> scores(String metricId) {
        return scores.getOrDefault(metricId, Map.of());
    }

    /** The mean the baseline recorded for {@code metricId}; empty when not run or nothing scored. */
    public Optional<Double> mean(String metricId) {
        return Optional.ofNullable(means.get(metricId));
    }

    /**
     * Reads a {@code report.json} written by llmeval: {@code samples[].id},
     * {@code samples[].scores.<metric>.score/outcome} and {@code metrics.<metric>.mean}.
     *
     * @throws LlmevalException with {@link ExitStatus#INVALID_INPUT} and a one-line message
     *     starting with the file name when the file is missing or unreadable, is not JSON, or is
     *     not an llmeval report
     */
    public static Baseline read(Path reportJson) {
        String file = reportJson.toString();
        JsonNode root = parse(reportJson, file);
        if (root == null || !root.isObject()) {
            throw invalid(file, "not an llmeval report (expected a JSON object)");
        }
        if (!"llmeval".equals(root.path("tool").path("name").asText(null))) {
            throw invalid(file, "not an llmeval report (no \"tool\": {\"name\": \"llmeval\"})");
        }
        JsonNode metrics = root.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw invalid(file, "not an llmeval report (\"metrics\" is not an object)");
        }
        JsonNode samples = root.get("samples");
        if (samples == null || !samples.isArray()) {
            throw invalid(file, "not an llmeval report (\"samples\" is not an array)");
        }
        LinkedHashMap<String, Map<String, Double>> scores = new LinkedHashMap<>();
        LinkedHashMap<String, Double> means = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : metrics.properties()) {
            scores.put(e.getKey(), new LinkedHashMap<>());
            JsonNode mean = e.getValue().path("mean");
            if (mean.isNumber()) {
                means.put(e.getKey(), checkedFromFile(file, "metrics." + e.getKey() + ".mean", mean.doubleValue()));
            } else if (!mean.isNull() && !mean.isMissingNode()) {
                throw invalid(file, "metrics." + e.getKey() + ".mean is not a number");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode sample = samples.get(i);
            String where = "samples[" + i + "]";
            JsonNode id = sample.path("id");
            if (!id.isTextual()) {
                throw invalid(file, where + ".id is missing or not a string");
            }
            if (!ids.add(id.asText())) {
                throw invalid(file, where + ": duplicate sample id '" + id.asText() + "'");
            }
            JsonNode sampleScores = sample.path("scores");
            if (sampleScores.isMissingNode() || sampleScores.isNull()) {
                continue;
            }
            if (!sampleScores.isObject()) {
                throw invalid(file, where + ".scores is not an object");
            }
            for (Map.Entry<String, JsonNode> e : sampleScores.properties()) {
                String at = where + ".scores." + e.getKey();
                JsonNode outcome = e.getValue().path("outcome");
                if (!outcome.isTextual()) {
                    throw invalid(file, at + ".outcome is missing or not a string");
                }
                scores.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
                if (!"scored".equals(outcome.asText())) {
                    continue;
                }
                JsonNode score = e.getValue().path("score");
                if (!score.isNumber()) {
                    throw invalid(file, at + ": a scored outcome needs a numeric score");
                }
                scores.get(e.getKey()).put(id.asText(), checkedFromFile(file, at + ".score", score.doubleValue()));
            }
        }
        return new Baseline(scores, means);
    }

    private static JsonNode parse(Path path, String file) {
        if (Files.isDirectory(path)) {
            throw invalid(file, "is a directory, not a report.json");
        }
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw invalid(file, "not valid JSON (the file is empty)");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw invalid(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw invalid(file, "permission denied", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid(file, "not valid JSON" + where + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw invalid(file, "cannot read: " + oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    private static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static double checkedFromFile(String file, String where, double value) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw invalid(file, where + " is " + value + ", not in [0, 1]");
        }
        return value;
    }

    private static Double checked(String metric, String id, Double score) {
        if (score == null || score.isNaN() || score < 0.0 || score > 1.0) {
            throw new IllegalArgumentException(metric + "/" + id + ": score " + score + " not in [0, 1]");
        }
        return score;
    }

    private static LlmevalException invalid(String file, String problem) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, file + ": " + problem);
    }

    private static LlmevalException invalid(String file, String problem, Throwable cause) {
        return new LlmevalException(ExitStatus.INVALID_INPUT, file + ": " + problem, cause);
    }
}
