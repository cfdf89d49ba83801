package dev.llmeval.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.LlmevalException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor(RedactSettings.DEFAULT);

    @Test
    void should_number_placeholders_per_item_and_reuse_them_for_the_same_value() {
        ItemRedaction item = redactor.forItem();

        String question = item.apply("I am anna.smith@gmail.com, my colleague is li.tanaka@outlook.com");
        String answer = item.apply("We wrote to Anna.Smith@gmail.com and called +1 415-867-5309.");

        assertThat(question).isEqualTo("I am <EMAIL_1>, my colleague is <EMAIL_2>");
        assertThat(answer).isEqualTo("We wrote to <EMAIL_1> and called <PHONE_1>.");
        assertThat(item.counts()).containsExactly(Map.entry("EMAIL", 3), Map.entry("PHONE", 1));
    }

    @Test
    void should_start_the_numbering_again_for_the_next_item() {
        redactor.forItem().apply("a@example-corp.com b@example-corp.com");

        assertThat(redactor.forItem().apply("b@example-corp.com")).isEqualTo("<EMAIL_1>");
    }

    @Test
    void should_continue_the_numbering_after_the_placeholders_of_an_item() {
        ItemRedaction note = redactor.forItem(List.of("Hi <EMAIL_1> and <EMAIL_3>", "<PHONE_1>"));

        assertThat(note.apply("also cc li.tanaka@outlook.com")).isEqualTo("also cc <EMAIL_4>");
    }

    @Test
    void should_redact_every_kind_and_leave_look_alikes() {
        String text = "card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, server 10.20.30.40 and "
                + "2001:db8::8a2e:370:7334, key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z, "
                + "released 2024-03-15 as v2.14.1 for $1,299.99, ISBN 978-3-16-148410-0, order ORD-2024-558812";

        String redacted = redactor.forItem().apply(text);

        assertThat(redacted).isEqualTo("card <CARD_1>, IBAN <IBAN_1>, server <IP_1> and <IP_2>, key <KEY_1>, "
                + "released 2024-03-15 as v2.14.1 for $1,299.99, ISBN 978-3-16-148410-0, order ORD-2024-558812");
    }

    @Test
    void should_find_jwts_and_high_entropy_tokens_but_not_hashes_or_identifiers() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

        assertThat(redactor.forItem().apply("Authorization: Bearer " + jwt)).isEqualTo("Authorization: Bearer <KEY_1>");
        assertThat(redactor.forItem().apply("token 9fQ2xLr7Tz0KpW4mVb8NcY1hJd6SgE3u")).isEqualTo("token <KEY_1>");
        assertThat(redactor.scan("commit 3f786850e387550fdab836ed7e6dc881de23001b, class AbstractSingletonProxyFactoryBean2"))
                .isEmpty();
    }

    @Test
    void should_apply_user_patterns_before_the_built_in_kinds() {
        Redactor custom = new Redactor(new RedactSettings(List.of("US"), Map.of("EMPLOYEE_ID", "EMP-[0-9]{6}")));

        assertThat(custom.forItem().apply("EMP-123456 asked")).isEqualTo("<EMPLOYEE_ID_1> asked");
    }

    @Test
    void should_not_count_placeholders_as_hits_on_a_rescan() {
        assertThat(redactor.scan("<EMAIL_1> wrote to <PHONE_12> about <KEY_3>")).isEmpty();
    }

    @Test
    void should_reject_a_pattern_re2_cannot_compile_with_its_name() {
        assertThatThrownBy(() -> new Redactor(new RedactSettings(null, Map.of("BAD", "(a+)+\\1"))))
                .isInstanceOf(LlmevalException.class)
                .hasMessageStartingWith("redaction pattern 'BAD': not a valid RE2 pattern");
    }

    @Test
    void should_reject_an_unknown_phone_region() {
        assertThatThrownBy(() -> new Redactor(new RedactSettings(List.of("XX"), Map.of())))
                .isInstanceOf(LlmevalException.class)
                .hasMessageContaining("'XX'");
    }
}
