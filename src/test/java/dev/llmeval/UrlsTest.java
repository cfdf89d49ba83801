package dev.llmeval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void should_mask_user_information_and_secret_query_values() {
        assertThat(Urls.mask("http://user:secret@host:8000/v1")).isEqualTo("http://***@host:8000/v1");
        assertThat(Urls.mask("https://token@host/v1?api_key=abc&lang=en&Sig=x#f"))
                .isEqualTo("https://***@host/v1?api_key=***&lang=en&Sig=***#f");
        assertThat(Urls.mask("call to http://a:b@h/x failed; see https://docs.example.com/y?page=2"))
                .isEqualTo("call to http://***@h/x failed; see https://docs.example.com/y?page=2");
    }

    @Test
    void should_leave_text_without_credentials_alone() {
        assertThat(Urls.mask("http://localhost:8000/v1")).isEqualTo("http://localhost:8000/v1");
        assertThat(Urls.mask("mail me at a@b.c")).isEqualTo("mail me at a@b.c");
        assertThat(Urls.mask(null)).isNull();
    }
}
