package dev.llmeval.judge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.llmeval.Utf16;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Judge replies and embedding vectors on disk, one JSON file per key under
 * {@code <dir>/<2 hex>/<62 hex>.json}. The key is the SHA-256 of a canonical JSON of everything
 * that changes the answer: a namespace (provider, model, base URL) and the request's messages and
 * sampling parameters; never a secret. The judge writes a reply only once the step it belongs to
 * ended in a parsed answer (see {@link ChatModelJudge}), so errors and unreadable replies are never
 * cached. Entries are written to a temporary file and moved into place atomically, so concurrent
 * writers (threads or processes) leave a whole entry; an unreadable entry counts as a miss and is
 * overwritten. Entries of format 1 were written before that rule and may hold an unreadable reply:
 * they are {@linkplain Reply#checked() unchecked} and used only if they parse. Thread-safe.
 */
public final class JudgeCache {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT = 2;
    /** Written when every reply was cached, readable or not. */
    private static final int LEGACY_FORMAT = 1;

    /**
     * A cached judge reply and what it cost when it was made.
     *
     * @param checked whether the reply belongs to a judge step that ended in a parsed answer (every
     *     entry written now); {@code false} for an entry of the old format, which may be unreadable
     */
    record Reply(String text, long inputTokens, long outputTokens, boolean checked) {

        Reply(String text, long inputTokens, long outputTokens) {
            this(text, inputTokens, outputTokens, true);
        }
    }

    private final Path dir;
    private final CacheMode mode;

    /**
     * @param dir the cache directory, e.g. {@code .llmeval/cache}; created on the first write
     * @param mode how the cache is used
     */
    public JudgeCache(Path dir, CacheMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode == null");
        this.dir = mode == CacheMode.OFF && dir == null ? null : Objects.requireNonNull(dir, "dir == null");
    }

    /** A cache that is never read or written. */
    public static JudgeCache off() {
        return new JudgeCache(null, CacheMode.OFF);
    }

    public CacheMode mode() {
        return mode;
    }

    /** The cache key of a chat request: SHA-256 hex of its canonical JSON. */
    static String chatKey(String namespace, ChatRequest request) {
        ObjectNode key = MAPPER.createObjectNode();
        key.put("kind", "chat");
        key.put("namespace", namespace);
        key.put("model", request.modelName());
        putNumber(key, "temperature", request.temperature());
        putNumber(key, "topP", request.topP());
        putNumber(key, "topK", request.topK());
        putNumber(key, "frequencyPenalty", request.frequencyPenalty());
        putNumber(key, "presencePenalty", request.presencePenalty());
        putNumber(key, "maxOutputTokens", request.maxOutputTokens());
        ArrayNode stops = key.putArray("stop");
        if (request.stopSequences() != null) {
            request.stopSequences().forEach(stops::add);
        }
        ResponseFormat format = request.responseFormat();
        if (format == null) {
            key.putNull("responseFormat");
        } else {
            ObjectNode node = key.putObject("responseFormat");
            node.put("type", String.valueOf(format.type()));
            // JsonSchema has a value toString over ordered maps: stable for one schema definition
            node.put("schema", format.jsonSchema() == null ? null : format.jsonSchema().toString());
        }
        ArrayNode messages = key.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.addObject().put("role", message.type().name()).put("text", text(message));
        }
        return sha256(key.toString());
    }

    /** The cache key of one text's embedding. */
    static String embeddingKey(String namespace, String text) {
        ObjectNode key = MAPPER.createObjectNode();
        key.put("kind", "embedding");
        key.put("namespace", namespace);
        key.put("text", text);
        return sha256(key.toString());
    }

    Optional<Reply> reply(String key) {
        return read(key).flatMap(node -> {
            JsonNode text = node.get("text");
            JsonNode in = node.get("inputTokens");
            JsonNode out = node.get("outputTokens");
            if (text == null || !text.isTextual() || in == null || !in.canConvertToLong()
                    || out == null || !out.canConvertToLong()) {
                return Optional.empty();
            }
            return Optional.of(new Reply(text.asText(), in.asLong(), out.asLong(),
                    node.path("format").asInt() == FORMAT));
        });
    }

    void putReply(String key, Reply reply) {
        if (reply.text() == null) {
            return;
        }
        ObjectNode node = entry(key);
        node.put("text", reply.text());
        node.put("inputTokens", reply.inputTokens());
        node.put("outputTokens", reply.outputTokens());
        write(key, node);
    }

    Optional<float[]> vector(String key) {
        return read(key).flatMap(node -> {
            JsonNode vector = node.get("vector");
            if (vector == null || !vector.isArray()) {
                return Optional.empty();
            }
            float[] values = new float[vector.size()];
            for (int i = 0; i < values.length; i++) {
                if (!vector.get(i).isNumber()) {
                    return Optional.empty();
                }
                values[i] = vector.get(i).floatValue();
            }
            return Optional.of(values);
        });
    }

    void putVector(String key, float[] vector) {
        ObjectNode node = entry(key);
        ArrayNode values = node.putArray("vector");
        for (float value : vector) {
            values.add(value);
        }
        write(key, node);
    }

    /** Where the entry of {@code key} lives. */
    Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key.substring(2) + ".json");
    }

    private Optional<JsonNode> read(String key) {
        if (mode == CacheMode.OFF) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file(key), StandardCharsets.UTF_8));
            int format = node == null ? 0 : node.path("format").asInt();
            if (node == null || !node.isObject() || format != FORMAT && format != LEGACY_FORMAT
                    || !key.equals(node.path("key").asText())) {
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty(); // half-written or corrupt: a miss, overwritten by the next write
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode entry(String key) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.put("key", key);
        return node;
    }

    /** Writes atomically; a cache that cannot be written is not worth failing a run for. */
    private void write(String key, JsonNode node) {
        if (mode != CacheMode.READ_WRITE) {
            return;
        }
        Path target = file(key);
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), key.substring(2, 10) + "-", ".tmp");
            Files.write(temp, Utf16.utf8(node.toString()));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            // best effort: the reply is still returned, only not cached
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temp file is harmless: it never looks like an entry
                }
            }
        }
    }

    private static String text(ChatMessage message) {
        if (message instanceof UserMessage user) {
            return user.hasSingleText() ? user.singleText() : String.valueOf(user.contents());
        }
        if (message instanceof AiMessage ai) {
            return ai.text();
        }
        if (message instanceof SystemMessage system) {
            return system.text();
        }
        return message.toString();
    }

    private static void putNumber(ObjectNode node, String name, Number value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Integer i) {
            node.put(name, i);
        } else {
            node.put(name, value.doubleValue());
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
