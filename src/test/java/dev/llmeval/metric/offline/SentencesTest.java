package dev.llmeval.metric.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void should_keep_abbreviations_initials_and_decimals_when_splitting() {
        // given
        String text = "Dr. Smith paid $3.5 million in the U.S. in 2020. J. Doe agreed, e.g. on terms.";

        // when / then
        assertThat(Sentences.split(text)).containsExactly(
                "Dr. Smith paid $3.5 million in the U.S. in 2020.",
                "J. Doe agreed, e.g. on terms.");
    }

    @Test
    void should_split_list_items_and_glued_sentences_when_present() {
        // given
        String text = "Capabilities include:\n1. Vision input.\n2. Long context.\nIt works well.The end";

        // when / then
        assertThat(Sentences.split(text)).containsExactly(
                "Capabilities include:", "Vision input.", "Long context.", "It works well.", "The end");
    }

    @Test
    void should_return_nothing_when_text_is_blank() {
        assertThat(Sentences.split("  \n ")).isEmpty();
        assertThat(Sentences.split(null)).isEmpty();
    }
}
