package dev.llmeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void should_escape_the_five_special_characters_when_writing_text() {
        // when
        String escaped = Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>");

        // then
        assertThat(escaped).isEqualTo(
                "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void should_write_nothing_when_text_is_null() {
        // when / then
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void should_escape_text_and_class_when_building_an_element() {
        // when
        String html = new Html().element("td", "a\"b", "<x>").raw("<br>").text("'").toString();

        // then
        assertThat(html).isEqualTo("<td class=\"a&quot;b\">&lt;x&gt;</td><br>&#39;");
    }
}
