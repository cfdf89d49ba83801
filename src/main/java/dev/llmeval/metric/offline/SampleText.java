package dev.llmeval.metric.offline;

import java.util.ArrayList;
import java.util.List;

/** The sentences of one sample's texts, embedded together in one call. */
final class SampleText {

    private SampleText() {}

    /** Embedded statements plus the sentences of each chunk, tagged with the chunk's rank. */
    record Embedded(List<String> statements, List<float[]> statementVectors, List<Passage> passages) {

        List<Passage> passagesOf(int chunk) {
            return passages.stream().filter(p -> p.source() == chunk).toList();
        }
    }

    static Embedded embed(Embedder embedder, List<String> statements, List<String> chunks) {
        List<String> texts = new ArrayList<>(statements);
        List<Integer> sources = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            for (String s : Sentences.split(chunks.get(c))) {
                texts.add(s);
                sources.add(c);
            }
        }
        List<float[]> vectors = embedder.embed(texts);
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            int at = statements.size() + i;
            passages.add(new Passage(texts.get(at), vectors.get(at), sources.get(i)));
        }
        return new Embedded(List.copyOf(statements), vectors.subList(0, statements.size()), passages);
    }

    /**
     * The support verdict of each statement against all the chunks, at the {@link
     * Evidence#STRICT} bar: the shared step of faithfulness (answer sentences) and context recall
     * (reference sentences).
     */
    static List<Support> strictSupport(Embedder embedder, List<String> statements, List<String> chunks) {
        Embedded text = embed(embedder, statements, chunks);
        Evidence evidence = new Evidence(text.passages());
        List<Support> supports = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            supports.add(evidence.check(statements.get(i), text.statementVectors().get(i), Evidence.STRICT));
        }
        return supports;
    }

    static String quote(String s) {
        String t = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        return "'" + t + "'";
    }
}
