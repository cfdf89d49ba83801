package dev.llmeval.metric.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known values: kitten/sitting (Levenshtein distance 3) and karolin/kathrin (Hamming distance 3) are
 * the textbook examples; MARTHA/MARHTA, DWAYNE/DUANE and DIXON/DICKSONX are Winkler's (1990) Jaro and
 * Jaro-Winkler examples. Every value was also checked against rapidfuzz 3.14.6, which RAGAS uses.
 */
class MeasureTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            levenshtein  | kitten   | sitting  | 0.5714285714285714
            levenshtein  | abc      | abcdef   | 0.5
            levenshtein  | ''       | abc      | 0.0
            levenshtein  | ''       | ''       | 1.0
            hamming      | karolin  | kathrin  | 0.5714285714285714
            hamming      | DWAYNE   | DUANE    | 0.33333333333333337
            hamming      | abc      | abcdef   | 0.5
            jaro         | MARTHA   | MARHTA   | 0.9444444444444445
            jaro         | DWAYNE   | DUANE    | 0.8222222222222223
            jaro         | DIXON    | DICKSONX | 0.7666666666666666
            jaro         | abcd     | bdca     | 0.6666666666666666
            jaro         | cadab    | dcdadacd | 0.6833333333333332
            jaro         | ''       | abc      | 0.0
            jaro_winkler | MARTHA   | MARHTA   | 0.9611111111111111
            jaro_winkler | DWAYNE   | DUANE    | 0.84
            jaro_winkler | DIXON    | DICKSONX | 0.8133333333333332
            jaro_winkler | CRATE    | TRACE    | 0.7333333333333334
            jaro_winkler | ''       | ''       | 1.0
            """)
    void should_match_the_published_values(String measure, String a, String b, double expected) {
        // when
        double similarity = Measure.of(measure).similarity(a, b);

        // then
        assertThat(similarity).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"levenshtein", "hamming", "jaro", "jaro_winkler"})
    void should_count_code_points_after_nfc(String measure) {
        // given: 𠮷 is one code point but two UTF-16 chars; é composed and decomposed
        Measure m = Measure.of(measure);

        // then
        assertThat(m.similarity("cafe\u0301", "café")).isEqualTo(1.0);
        assertThat(Measure.LEVENSHTEIN.similarity("𠮷野家", "吉野家")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Measure.HAMMING.similarity("𠮷野家", "吉野家")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Measure.LEVENSHTEIN.similarity("東京都", "京都")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.similarity("東京", "東京")).isEqualTo(1.0);
    }
}
