package dev.llmeval.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.llmeval.provider.Providers;
import dev.llmeval.review.Promotion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate threshold of {@code review promote}, measured with the in-process MiniLM model on
 * hand-written pairs (src/test/resources/near-duplicates/pairs.tsv): chosen on one half of the
 * pairs (the best accuracy; of equal ones the highest threshold), reported on the other. Writes target/near-duplicates.md, the table of docs/production.md.
 */
class NearDuplicateThresholdTest {

    record Pair(boolean same, String a, String b, double cosine) {}

    @Test
    void should_separate_paraphrases_from_other_questions_at_the_default_threshold() throws IOException {
        List<Pair> pairs = pairs(Providers.localEmbeddings());
        List<Pair> tuning = new ArrayList<>();
        List<Pair> held = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            (i / 2 % 2 == 0 ? tuning : held).add(pairs.get(i)); // pairs come as (paraphrase, other) couples
        }
        double best = 0;
        double bestAccuracy = -1;
        for (int t = 50; t <= 99; t++) {
            double accuracy = accuracy(tuning, t / 100.0);
            if (accuracy >= bestAccuracy) { // ties: the highest, which drops fewer distinct questions
                bestAccuracy = accuracy;
                best = t / 100.0;
            }
        }
        StringBuilder table = new StringBuilder("| pair | kind | cosine |\n|---|---|---:|\n");
        for (Pair p : pairs) {
            table.append(String.format(Locale.ROOT, "| %s / %s | %s | %.3f |%n", p.a(), p.b(), p.same() ? "paraphrase" : "different",
                    p.cosine()));
        }
        table.append(String.format(Locale.ROOT, "%nbest threshold on the tuning half: %.2f (accuracy %.3f); "
                + "at the default %.2f: tuning accuracy %.3f, held-out accuracy %.3f (%d pairs), held-out duplicates found %d of %d, "
                + "false duplicates %d of %d%n", best, bestAccuracy, Promotion.DEFAULT_THRESHOLD,
                accuracy(tuning, Promotion.DEFAULT_THRESHOLD), accuracy(held, Promotion.DEFAULT_THRESHOLD), held.size(),
                held.stream().filter(p -> p.same() && p.cosine() >= Promotion.DEFAULT_THRESHOLD).count(),
                held.stream().filter(Pair::same).count(),
                held.stream().filter(p -> !p.same() && p.cosine() >= Promotion.DEFAULT_THRESHOLD).count(),
                held.stream().filter(p -> !p.same()).count()));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/near-duplicates.md"), table, StandardCharsets.UTF_8);

        assertThat(pairs).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Promotion.DEFAULT_THRESHOLD).as("the default is the threshold chosen on the tuning half").isEqualTo(best);
        assertThat(accuracy(held, Promotion.DEFAULT_THRESHOLD)).isGreaterThanOrEqualTo(0.8);
    }

    private static double accuracy(List<Pair> pairs, double threshold) {
        return (double) pairs.stream().filter(p -> (p.cosine() >= threshold) == p.same()).count() / pairs.size();
    }

    private static List<Pair> pairs(EmbeddingModel model) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = NearDuplicateThresholdTest.class.getResourceAsStream("/near-duplicates/pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                var a = model.embed(TextSegment.from(f[1])).content().vector();
                var b = model.embed(TextSegment.from(f[2])).content().vector();
                pairs.add(new Pair(f[0].equals("1"), f[1], f[2], Promotion.cosine(a, b)));
            }
        }
        return pairs;
    }
}
