package dev.llmeval.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of the redactor per kind on the synthetic fixture. A planted value is found
 * when a hit of its kind covers it; a hit is right when it overlaps a planted value of its kind,
 * and a false positive otherwise (on a look-alike, on plain text, or of the wrong kind).
 */
final class PiiAccuracy {

    record Row(String kind, int planted, int found, int hits, int correct) {
        double recall() {
            return planted == 0 ? 1.0 : (double) found / planted;
        }

        double precision() {
            return hits == 0 ? 1.0 : (double) correct / hits;
        }
    }

    final Map<String, Row> rows = new LinkedHashMap<>();
    int lookAlikes;
    int lookAlikesHit;

    static PiiAccuracy measure(Redactor redactor, List<PiiFixture.Doc> docs) {
        PiiAccuracy acc = new PiiAccuracy();
        Map<String, int[]> n = new LinkedHashMap<>();
        PiiFixture.KINDS.forEach(k -> n.put(k, new int[4]));
        for (PiiFixture.Doc doc : docs) {
            List<Hit> hits = redactor.scan(doc.text());
            for (PiiFixture.Planted p : doc.planted()) {
                if (p.kind().equals("NONE")) {
                    acc.lookAlikes++;
                    if (hits.stream().anyMatch(h -> h.start() < p.end() && p.start() < h.end())) {
                        acc.lookAlikesHit++;
                    }
                    continue;
                }
                int[] c = n.get(p.kind());
                c[0]++;
                if (hits.stream().anyMatch(h -> h.kind().equals(p.kind()) && h.start() <= p.start() && h.end() >= p.end())) {
                    c[1]++;
                }
            }
            for (Hit h : hits) {
                int[] c = n.computeIfAbsent(h.kind(), k -> new int[4]);
                c[2]++;
                if (doc.planted().stream().anyMatch(p -> p.kind().equals(h.kind()) && h.start() < p.end() && p.start() < h.end())) {
                    c[3]++;
                }
            }
        }
        n.forEach((kind, c) -> acc.rows.put(kind, new Row(kind, c[0], c[1], c[2], c[3])));
        return acc;
    }

    double overallPrecision() {
        int hits = rows.values().stream().mapToInt(Row::hits).sum();
        int correct = rows.values().stream().mapToInt(Row::correct).sum();
        return hits == 0 ? 1.0 : (double) correct / hits;
    }

    String table(int docs) {
        StringBuilder out = new StringBuilder();
        out.append("| kind | planted | found | recall | hits | false positives | precision |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        rows.values().forEach(r -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %d | %d | %.3f |%n",
                r.kind(), r.planted(), r.found(), r.recall(), r.hits(), r.hits() - r.correct(), r.precision())));
        int hits = rows.values().stream().mapToInt(Row::hits).sum();
        int correct = rows.values().stream().mapToInt(Row::correct).sum();
        out.append(String.format(Locale.ROOT, "| **all** | %d | %d | %.3f | %d | %d | %.3f |%n",
                rows.values().stream().mapToInt(Row::planted).sum(), rows.values().stream().mapToInt(Row::found).sum(),
                (double) rows.values().stream().mapToInt(Row::found).sum() / Math.max(1, rows.values().stream().mapToInt(Row::planted).sum()),
                hits, hits - correct, overallPrecision()));
        out.append(String.format(Locale.ROOT, "%n%d texts; %d look-alikes planted, %d of them touched by a hit.%n",
                docs, lookAlikes, lookAlikesHit));
        return out.toString();
    }
}
