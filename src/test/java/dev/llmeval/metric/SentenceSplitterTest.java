package dev.llmeval.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void should_split_at_ideographic_and_full_width_sentence_ends_without_a_space() {
        assertThat(SentenceSplitter.split("北京是中国的首都。上海是最大的城市！你去过吗？「好」。"))
                .containsExactly("北京是中国的首都。", "上海是最大的城市！", "你去过吗？", "「好」。");
        assertThat(SentenceSplitter.split("東京は晴れです。大阪は雨でした"))
                .containsExactly("東京は晴れです。", "大阪は雨でした");
    }

    @Test
    void should_keep_english_rules_unchanged() {
        assertThat(SentenceSplitter.split("Dr. Smith arrived. It cost 3.5 dollars! Then J. Doe left."))
                .containsExactly("Dr. Smith arrived.", "It cost 3.5 dollars!", "Then J. Doe left.");
    }
}
