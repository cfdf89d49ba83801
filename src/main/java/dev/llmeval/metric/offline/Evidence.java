package dev.llmeval.metric.offline;

import dev.llmeval.metric.Scoring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The offline support test: does a body of evidence (sentences of the contexts, or of one
 * chunk) support a statement? A statement is supported when the hard checks pass
 * <ol>
 *   <li>every number and every name in it occurs in the evidence,
 *   <li>its negation agrees with the evidence closest to it,
 * </ol>
 * and the lexical and semantic evidence together reach the {@link Bar}.
 */
final class Evidence {

    /**
     * How much evidence is enough: coverage ≥ {@code coverage}, or similarity ≥
     * {@code similarity}, or both coverage ≥ {@code jointCoverage} and similarity ≥
     * {@code jointSimilarity}.
     */
    record Bar(double coverage, double similarity, double jointCoverage, double jointSimilarity) {

        boolean reached(double cov, double sim) {
            return cov >= coverage || sim >= similarity
                    || (cov >= jointCoverage && sim >= jointSimilarity);
        }
    }

    /**
     * Faithfulness and context recall: nearly all words found, or a near-paraphrase, or most
     * words found in a sentence of similar meaning.
     */
    static final Bar STRICT = new Bar(0.9, 0.9, 0.8, 0.75);

    /** Context precision: the chunk only has to bear on the statement. */
    static final Bar LENIENT = new Bar(0.5, 0.6, 0.5, 0.6);

    private final List<Passage> passages;
    private final Set<String> numbers = new HashSet<>();
    private final List<Set<String>> passageStems = new ArrayList<>();
    private final StringBuilder phrases = new StringBuilder(" ");

    Evidence(List<Passage> passages) {
        this.passages = List.copyOf(passages);
        for (Passage p : passages) {
            Set<String> own = Lexicon.allStems(p.text());
            passageStems.add(own);
            numbers.addAll(Lexicon.numbers(p.text()));
            phrases.append(Lexicon.stemPhrase(p.text())).append(" | ");
        }
    }

    /** The stems of the sentences i-1, i, i+1 of the chunk of sentence i. */
    private Set<String> window(int i) {
        Set<String> window = new HashSet<>(passageStems.get(i));
        for (int j : new int[] {i - 1, i + 1}) {
            if (j >= 0 && j < passages.size() && passages.get(j).source() == passages.get(i).source()) {
                window.addAll(passageStems.get(j));
            }
        }
        return window;
    }

    /**
     * The share of the content words found in at most one window of three consecutive sentences
     * per chunk: facts stitched together from distant sentences of one chunk do not count, an
     * answer that combines several chunks does. Windows are picked greedily, the one adding the
     * most words first; with a single chunk this is the best single window.
     */
    private double localCoverage(Set<String> content) {
        Set<String> missing = new LinkedHashSet<>(content);
        Set<Integer> usedChunks = new HashSet<>();
        while (!missing.isEmpty()) {
            int bestGain = 0;
            Set<String> bestFound = null;
            int bestChunk = -1;
            for (int i = 0; i < passages.size(); i++) {
                if (usedChunks.contains(passages.get(i).source())) {
                    continue;
                }
                Set<String> window = window(i);
                Set<String> found = new HashSet<>();
                for (String w : missing) {
                    if (window.contains(w)) {
                        found.add(w);
                    }
                }
                if (found.size() > bestGain) {
                    bestGain = found.size();
                    bestFound = found;
                    bestChunk = passages.get(i).source();
                }
            }
            if (bestFound == null) {
                break;
            }
            missing.removeAll(bestFound);
            usedChunks.add(bestChunk);
        }
        return 1.0 - (double) missing.size() / content.size();
    }

    Support check(String statement, float[] vector, Bar bar) {
        Set<String> content = Lexicon.contentStems(statement);
        double coverage = content.isEmpty() ? 1.0 : localCoverage(content);

        double similarity = 0.0;
        Passage best = null;
        Passage mostWords = null;
        long mostShared = -1;
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            double cos = Scoring.cosine(vector, p.vector());
            if (best == null || cos > similarity) {
                similarity = cos;
                best = p;
            }
            long shared = content.stream().filter(passageStems.get(i)::contains).count();
            if (shared > mostShared) {
                mostShared = shared;
                mostWords = p;
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
            if (phrases.indexOf(" " + Lexicon.stemPhrase(n) + " ") < 0) {
                missingNames.add(n);
            }
        }
        boolean checkable = !content.isEmpty() || !missingNumbers.isEmpty();
        boolean negated = Lexicon.negated(statement);
        boolean negationMismatch = checkable && best != null
                && negated != Lexicon.negated(best.text())
                && negated != Lexicon.negated(mostWords.text());

        boolean facts = missingNumbers.isEmpty() && missingNames.isEmpty() && !negationMismatch;
        boolean enough = best != null && bar.reached(coverage, similarity);
        return new Support(statement, facts && enough, coverage, similarity,
                best == null ? "" : best.text(), missingNumbers, missingNames, negationMismatch);
    }
}
