package dev.llmeval.metric.offline;

import dev.llmeval.metric.Scoring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline support test: does a body of evidence (sentences of the contexts, or of one
 * chunk) support a statement? A statement is supported when
 * <ol>
 *   <li>every number and every capitalised name in it occurs in the evidence,
 *   <li>its negation agrees with the evidence sentence closest to it, and
 *   <li>enough of its content words occur in three consecutive evidence sentences (lexical evidence) or it is close in
 *       meaning to one evidence sentence (semantic evidence), per the {@link Bar}.
 * </ol>
 */
final class Evidence {

    /** How much lexical or semantic evidence is enough; either one suffices. */
    record Bar(double coverage, double similarity) {}

    /** Faithfulness and context recall: nearly all words found, or a near-paraphrase. */
    static final Bar STRICT = new Bar(0.9, 0.9);

    /** Context precision: the chunk only has to bear on the statement. */
    static final Bar LENIENT = new Bar(0.5, 0.6);

    private final List<Passage> passages;
    private final Set<String> stems = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();
    private final List<Set<String>> passageStems = new ArrayList<>();
    private final StringBuilder phrases = new StringBuilder(" ");

    Evidence(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        for (Passage p : passages) {
            Set<String> own = Lexicon.allStems(p.text());
            passageStems.add(own);
            stems.addAll(own);
            numbers.addAll(Lexicon.numbers(p.text()));
            phrases.append(Lexicon.phrase(p.text())).append(" | ");
        }
    }

    /**
     * The best share of the content words found within one window of three consecutive
     * sentences of one chunk: facts stitched together from distant sentences do not count.
     */
    private double localCoverage(Set<String> content) {
        double best = 0;
        for (int i = 0; i < passages.size(); i++) {
            Set<String> window = new HashSet<>(passageStems.get(i));
            for (int j : new int[] {i - 1, i + 1}) {
                if (j >= 0 && j < passages.size()
                        && passages.get(j).source() == passages.get(i).source()) {
                    window.addAll(passageStems.get(j));
                }
            }
            long found = content.stream().filter(window::contains).count();
            best = Math.max(best, (double) found / content.size());
        }
        return best;
    }

    Support check(String statement, float[] vector, Bar bar) {
        Set<String> content = Lexicon.contentStems(statement);
        double coverage = content.isEmpty() ? 1.0 : localCoverage(content);

        double similarity = 0.0;
        Passage best = null;
        for (Passage p : passages) {
            double cos = Scoring.cosine(vector, p.vector());
            if (best == null || cos > similarity) {
                similarity = cos;
                best = p;
            }
        }
        similarity = Math.max(0.0, Math.min(1.0, similarity));

        List<String> missingNumbers = new ArrayList<>();
        for (String n : Lexicon.numbers(statement)) {
            if (!numbers.contains(n)) {
                missingNumbers.add(n);
            }
        }
        List<String> missingNames = new ArrayList<>();
        for (String n : Lexicon.names(statement)) {
            if (phrases.indexOf(" " + n + " ") < 0) {
                missingNames.add(n);
            }
        }
        boolean checkable = !content.isEmpty() || !missingNumbers.isEmpty();
        boolean negationMismatch = checkable && best != null
                && Lexicon.negated(statement) != Lexicon.negated(best.text());

        boolean facts = missingNumbers.isEmpty() && missingNames.isEmpty() && !negationMismatch;
        boolean enough = best != null
                && (coverage >= bar.coverage() || similarity >= bar.similarity());
        return new Support(statement, facts && enough, coverage, similarity,
                best == null ? "" : best.text(), missingNumbers, missingNames, negationMismatch);
    }
}
