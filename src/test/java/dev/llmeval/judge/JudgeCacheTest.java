package dev.llmeval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeCacheTest {

    private static final String NS = "openai|gpt-4o-mini|https://api.openai.com/v1";

    @TempDir
    Path dir;

    private static ChatRequest request(String prompt, double temperature, ResponseFormat format) {
        return ChatRequest.builder()
                .messages(List.of(UserMessage.from(prompt)))
                .temperature(temperature)
                .responseFormat(format)
                .build();
    }

    private static ResponseFormat schema(String property) {
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name("statements")
                        .rootElement(JsonObjectSchema.builder().addStringProperty(property).build()).build())
                .build();
    }

    private static ChatRequest.Builder base() {
        return ChatRequest.builder()
                .messages(List.of(UserMessage.from("Extract the statements.")))
                .temperature(0.0)
                .responseFormat(schema("statements"));
    }

    private static final ChatRequest BASE = request("Extract the statements.", 0.0, schema("statements"));

    @Test
    void should_hit_when_same_request_was_written() {
        // given
        JudgeCache cache = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);

        // when
        cache.putReply(key, new JudgeCache.Reply("{\"statements\": []}", 12, 3));

        // then
        assertThat(JudgeCache.chatKey(NS, request("Extract the statements.", 0.0, schema("statements"))))
                .isEqualTo(key).hasSize(64);
        assertThat(cache.reply(key)).contains(new JudgeCache.Reply("{\"statements\": []}", 12, 3));
        assertThat(cache.file(key)).isEqualTo(dir.resolve(key.substring(0, 2)).resolve(key.substring(2) + ".json"));
    }

    @Test
    void should_use_another_key_when_anything_that_changes_the_answer_differs() {
        // given
        String key = JudgeCache.chatKey(NS, BASE);

        // when
        List<String> others = List.of(
                JudgeCache.chatKey(NS, request("Extract the claims.", 0.0, schema("statements"))),
                JudgeCache.chatKey("openai|gpt-4o|https://api.openai.com/v1", BASE),
                JudgeCache.chatKey(NS, request("Extract the statements.", 0.7, schema("statements"))),
                JudgeCache.chatKey(NS, request("Extract the statements.", 0.0, schema("claims"))),
                JudgeCache.chatKey(NS, request("Extract the statements.", 0.0, ResponseFormat.JSON)),
                JudgeCache.chatKey(NS, base().maxOutputTokens(100).build()),
                JudgeCache.chatKey(NS, base().topP(0.5).build()),
                JudgeCache.chatKey(NS, base().messages(List.of(
                        UserMessage.from("Extract the statements."), AiMessage.from("oops"),
                        UserMessage.from("again"))).build()));

        // then
        assertThat(others).doesNotContain(key).doesNotHaveDuplicates();
    }

    @Test
    void should_miss_and_rewrite_when_entry_is_corrupt() throws Exception {
        // given
        JudgeCache cache = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);
        cache.putReply(key, new JudgeCache.Reply("first", 1, 1));
        String whole = Files.readString(cache.file(key));
        Files.writeString(cache.file(key), whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        // when
        boolean missed = cache.reply(key).isEmpty();
        cache.putReply(key, new JudgeCache.Reply("second", 2, 2));

        // then
        assertThat(missed).isTrue();
        assertThat(cache.reply(key)).contains(new JudgeCache.Reply("second", 2, 2));
    }

    @Test
    void should_neither_read_nor_write_when_off() {
        // given
        JudgeCache writer = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);
        writer.putReply(key, new JudgeCache.Reply("cached", 1, 1));
        JudgeCache off = new JudgeCache(dir, CacheMode.OFF);
        String other = JudgeCache.chatKey(NS, request("other", 0.0, null));

        // when
        off.putReply(other, new JudgeCache.Reply("new", 1, 1));

        // then
        assertThat(off.reply(key)).isEmpty();
        assertThat(writer.reply(other)).isEmpty();
    }

    @Test
    void should_read_but_not_write_when_cache_only() {
        // given
        JudgeCache writer = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);
        writer.putReply(key, new JudgeCache.Reply("cached", 1, 1));
        JudgeCache only = new JudgeCache(dir, CacheMode.ONLY);
        String other = JudgeCache.chatKey(NS, request("other", 0.0, null));

        // when
        only.putReply(other, new JudgeCache.Reply("new", 1, 1));

        // then
        assertThat(only.reply(key)).contains(new JudgeCache.Reply("cached", 1, 1));
        assertThat(writer.reply(other)).isEmpty();
    }

    @Test
    void should_leave_valid_entry_and_no_temp_files_when_many_threads_write_same_key() throws Exception {
        // given
        JudgeCache cache = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);
        String big = "x".repeat(50_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();

        // when
        for (int t = 0; t < 16; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    cache.putReply(key, new JudgeCache.Reply(big + id, id, i));
                    assertThat(cache.reply(key)).isPresent();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        // then
        assertThat(cache.reply(key)).get().satisfies(reply -> assertThat(reply.text()).startsWith(big));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(cache.file(key));
        }
    }

    @Test
    void should_store_only_reply_and_usage_when_entry_is_written() throws Exception {
        // given
        JudgeCache cache = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.chatKey(NS, BASE);

        // when
        cache.putReply(key, new JudgeCache.Reply("{}", 5, 6));

        // then
        JsonNode entry = new ObjectMapper().readTree(Files.readString(cache.file(key)));
        assertThat(entry.fieldNames()).toIterable()
                .containsExactly("format", "key", "text", "inputTokens", "outputTokens");
        assertThat(entry.get("key").asText()).isEqualTo(key);
    }

    @Test
    void should_keep_vector_when_written() {
        // given
        JudgeCache cache = new JudgeCache(dir, CacheMode.READ_WRITE);
        String key = JudgeCache.embeddingKey(NS, "hello");

        // when
        cache.putVector(key, new float[] {0.25f, -1.5f});

        // then
        assertThat(cache.vector(key)).get().isEqualTo(new float[] {0.25f, -1.5f});
        assertThat(JudgeCache.embeddingKey(NS, "hello!")).isNotEqualTo(key);
        assertThat(JudgeCache.embeddingKey("ollama|nomic|http://localhost", "hello")).isNotEqualTo(key);
    }
}
