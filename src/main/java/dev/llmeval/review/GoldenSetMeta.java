package dev.llmeval.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.Utf16;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The version of a golden set, in the sidecar {@code FILE.meta.json}: the version number, the
 * SHA-256 and sample count of the file as that version left it, and a changelog line per change.
 *
 * @param version 1 for the first promotion, one more for each change
 * @param sha256 hex SHA-256 of the golden set's bytes at this version
 * @param count samples in the golden set at this version
 * @param changelog one entry per version, oldest first
 */
public record GoldenSetMeta(int version, String sha256, int count, List<Change> changelog) {

    /**
     * One version's change.
     *
     * @param added samples appended
     * @param duplicates near-duplicates of existing questions that were not appended
     * @param note what happened, e.g. {@code promoted 12 accepted items from review-queue}
     */
    public record Change(int version, String date, int added, int duplicates, String sha256, String note) {}

    public GoldenSetMeta {
        changelog = List.copyOf(changelog);
    }

    /** {@code gold.jsonl} → {@code gold.jsonl.meta.json}. */
    public static Path sidecar(Path goldenSet) {
        return goldenSet.resolveSibling(goldenSet.getFileName() + ".meta.json");
    }

    /** The sidecar of {@code goldenSet}, or null when there is none. */
    public static GoldenSetMeta read(Path goldenSet) {
        Path file = sidecar(goldenSet);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = SampleJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<Change> changes = new ArrayList<>();
            for (JsonNode c : node.path("changelog")) {
                changes.add(new Change(c.path("version").asInt(), c.path("date").asText(null), c.path("added").asInt(),
                        c.path("duplicates").asInt(), c.path("sha256").asText(null), c.path("note").asText(null)));
            }
            if (!node.path("version").canConvertToInt() || !node.path("sha256").isTextual()) {
                throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": expected \"version\" (a number) and \"sha256\"");
            }
            return new GoldenSetMeta(node.get("version").asInt(), node.get("sha256").asText(), node.path("count").asInt(),
                    changes);
        } catch (JsonProcessingException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": not valid JSON");
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * The version of the golden set as it is on disk: the sidecar's version when the file's SHA-256
     * is the one it records, else null (no sidecar, or the file was edited since).
     */
    public static Integer versionOf(Path goldenSet, String sha256) {
        GoldenSetMeta meta = read(goldenSet);
        return meta != null && meta.sha256().equalsIgnoreCase(sha256) ? meta.version() : null;
    }

    void write(Path goldenSet) {
        ObjectNode node = SampleJson.MAPPER.createObjectNode();
        node.put("version", version);
        node.put("sha256", sha256);
        node.put("count", count);
        ArrayNode log = node.putArray("changelog");
        for (Change c : changelog) {
            ObjectNode entry = log.addObject();
            entry.put("version", c.version());
            entry.put("date", c.date());
            entry.put("added", c.added());
            entry.put("duplicates", c.duplicates());
            entry.put("sha256", c.sha256());
            entry.put("note", c.note());
        }
        try {
            Files.write(sidecar(goldenSet), Utf16.utf8(ItemFile.PRETTY.writeValueAsString(node) + "\n"));
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, sidecar(goldenSet) + ": cannot write: " + e.getMessage());
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, file + ": cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
