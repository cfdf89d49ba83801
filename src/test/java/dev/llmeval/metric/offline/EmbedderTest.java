package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    /** Vectors from the text's length; records every batch it was asked for. */
    private static final class CountingModel implements EmbeddingModel {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            batches.add(segments.stream().map(TextSegment::text).toList());
            return Response.from(segments.stream()
                    .map(s -> Embedding.from(new float[] {s.text().length(), 1})).toList());
        }
    }

    @Test
    void should_ask_the_model_only_for_texts_it_has_not_seen_when_texts_repeat() {
        CountingModel model = new CountingModel();
        Embedder embedder = new Embedder(model);

        List<float[]> first = embedder.embed(List.of("alpha", "beta"));
        List<float[]> second = embedder.embed(List.of("beta", "gamma!", "alpha", "gamma!"));

        assertThat(model.batches).containsExactly(List.of("alpha", "beta"), List.of("gamma!"));
        assertThat(second).extracting(v -> v[0]).containsExactly(4f, 6f, 5f, 6f);
        assertThat(second.get(2)).isSameAs(first.get(0));
    }

    @Test
    void should_embed_a_blank_text_as_a_placeholder_word() {
        CountingModel model = new CountingModel();

        List<float[]> vectors = new Embedder(model).embed(List.of("", "  "));

        assertThat(model.batches).containsExactly(List.of(Embedder.BLANK));
        assertThat(vectors).hasSize(2);
    }
}
