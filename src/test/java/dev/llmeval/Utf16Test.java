package dev.llmeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf16Test {

    @Test
    void should_replace_only_unpaired_surrogates() {
        assertThat(Utf16.repair("bad \ud800 surrogate")).isEqualTo("bad \uFFFD surrogate");
        assertThat(Utf16.repair("Great answer \ud83d")).isEqualTo("Great answer \uFFFD");
        assertThat(Utf16.repair("\udc00lead")).isEqualTo("\uFFFDlead");
        assertThat(Utf16.repair("\ud83d\ud83d\ude00")).isEqualTo("\uFFFD\ud83d\ude00");
        assertThat(Utf16.repair("\ude00\ud83d")).isEqualTo("\uFFFD\uFFFD");
        assertThat(Utf16.repair(null)).isNull();
    }

    @Test
    void should_return_the_same_text_when_every_surrogate_is_paired() {
        String text = "emoji \ud83d\ude00 and é";
        assertThat(Utf16.repair(text)).isSameAs(text);
        assertThat(Utf16.hasUnpaired(text)).isFalse();
        assertThat(Utf16.hasUnpaired("x\ud800")).isTrue();
    }

    @Test
    void should_encode_a_lone_surrogate_as_u_fffd_when_writing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.txt");
        try (BufferedWriter out = Utf16.writer(file)) {
            out.write("a\ud800b \ud83d\ude00");
        }
        assertThat(Files.readString(file)).isEqualTo("a\uFFFDb \ud83d\ude00");
        assertThat(new String(Utf16.utf8("x\udc00"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("x\uFFFD");
    }
}
