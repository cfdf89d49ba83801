package dev.llmeval.metric.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence for one statement against a body of text.
 *
 * @param coverage share of the statement's content words found in the evidence
 * @param similarity best MiniLM cosine between the statement and one evidence sentence
 * @param bestEvidence that sentence ("" when there is no evidence)
 * @param missingNumbers numbers in the statement absent from the evidence
 * @param missingNames capitalised names in the statement absent from the evidence
 * @param negationMismatch one of statement and best sentence is negated, the other not
 */
record Support(
        String statement,
        boolean supported,
        double coverage,
        double similarity,
        String bestEvidence,
        List<String> missingNumbers,
        List<String> missingNames,
        boolean negationMismatch) {

    /** A one-line account of why the statement failed, e.g. "number 40 not in the contexts". */
    String problem() {
        if (!missingNumbers.isEmpty()) {
            return "numbers not found: " + String.join(", ", missingNumbers);
        }
        if (!missingNames.isEmpty()) {
            return "names not found: " + String.join(", ", missingNames);
        }
        if (negationMismatch) {
            return "negation differs from the closest evidence";
        }
        return String.format(java.util.Locale.ROOT,
                "weak evidence (coverage %.2f, similarity %.2f)", coverage, similarity);
    }

    Map<String, Object> toDetails() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", statement);
        m.put("verdict", supported ? 1 : 0);
        m.put("coverage", round(coverage));
        m.put("similarity", round(similarity));
        m.put("bestEvidence", bestEvidence);
        m.put("missingNumbers", missingNumbers);
        m.put("missingNames", missingNames);
        m.put("negationMismatch", negationMismatch);
        return m;
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
