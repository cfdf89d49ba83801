package dev.llmeval.target;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A small reference RAG pipeline for demos ({@code --target builtin --docs DIR}): the
 * {@code .txt}/{@code .md} files of a folder, split into ~500-character chunks, embedded with the
 * given model and searched by cosine similarity; the top-k chunks are the contexts. With a chat
 * model the answer is generated from them; without one (null) it is extractive: the 1–3 sentences
 * of the retrieved chunks closest to the question. Context ids are {@code file#chunk}.
 * Thread-safe when the models are.
 */
public final class BuiltinTarget implements RagTarget {

    static final int CHUNK_CHARS = 500;
    private static final int MAX_SENTENCES = 3;
    private static final double SENTENCE_MARGIN = 0.1;
    private static final double KEYWORD_WEIGHT = 0.3;

    private record Chunk(String id, String text, Embedding embedding) {}

    private record Scored<T>(T item, double score) {}

    private final List<Chunk> chunks;
    private final EmbeddingModel embeddings;
    private final ChatModel chat;
    private final int topK;

    private BuiltinTarget(List<Chunk> chunks, EmbeddingModel embeddings, ChatModel chat, int topK) {
        this.chunks = chunks;
        this.embeddings = embeddings;
        this.chat = chat;
        this.topK = topK;
    }

    /**
     * Reads and embeds every {@code .txt} and {@code .md} file under {@code docsDir}.
     *
     * @param chatOrNull the model that writes the answer, or null for an extractive answer
     * @param topK how many chunks to retrieve (3 is the default of the CLI)
     * @throws LlmevalException INVALID_INPUT when the folder is missing or holds no documents
     */
    public static BuiltinTarget create(Path docsDir, EmbeddingModel embeddings, ChatModel chatOrNull, int topK) {
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
        if (!Files.isDirectory(docsDir)) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "--docs " + docsDir + " is not a directory");
        }
        List<String> ids = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        Chunker chunker = new Chunker(CHUNK_CHARS);
        for (Path file : documents(docsDir)) {
            String name = docsDir.relativize(file).toString().replace('\\', '/');
            List<String> pieces = chunker.split(read(file));
            for (int i = 0; i < pieces.size(); i++) {
                ids.add(name + "#" + i);
                segments.add(TextSegment.from(pieces.get(i)));
            }
        }
        if (segments.isEmpty()) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "--docs " + docsDir + " holds no .txt or .md text");
        }
        List<Embedding> vectors = embeddings.embedAll(segments).content();
        List<Chunk> chunks = IntStream.range(0, segments.size())
                .mapToObj(i -> new Chunk(ids.get(i), segments.get(i).text(), vectors.get(i)))
                .toList();
        return new BuiltinTarget(chunks, embeddings, chatOrNull, topK);
    }

    /** How many chunks were indexed. */
    public int size() {
        return chunks.size();
    }

    @Override
    public TargetAnswer answer(TargetQuestion question) {
        Embedding query = embeddings.embed(question.userInput()).content();
        String asked = question.userInput();
        List<Chunk> found = best(chunks, chunk -> chunk.embedding, chunk -> chunk.text, query, asked, topK)
                .stream().map(Scored::item).toList();
        List<String> texts = found.stream().map(Chunk::text).toList();
        String response = chat != null ? chat.chat(prompt(asked, texts)) : extract(query, asked, texts);
        return new TargetAnswer(response, texts, found.stream().map(Chunk::id).toList());
    }

    static String prompt(String question, List<String> contexts) {
        StringBuilder prompt = new StringBuilder("Answer the question using only the context below. If the context"
                + " does not contain the answer, say that you do not know.\n\nContext:\n");
        for (int i = 0; i < contexts.size(); i++) {
            prompt.append('[').append(i + 1).append("] ").append(contexts.get(i)).append("\n\n");
        }
        return prompt.append("Question: ").append(question).append("\nAnswer:").toString();
    }

    private String extract(Embedding query, String asked, List<String> contexts) {
        List<String> sentences = contexts.stream().flatMap(text -> Sentences.prose(text).stream()).distinct().toList();
        if (sentences.isEmpty()) {
            return "";
        }
        List<Embedding> vectors = embeddings.embedAll(sentences.stream().map(TextSegment::from).toList()).content();
        List<Scored<Integer>> ranked = best(
                IntStream.range(0, sentences.size()).boxed().toList(), vectors::get, sentences::get, query, asked,
                MAX_SENTENCES);
        double floor = ranked.get(0).score() - SENTENCE_MARGIN;
        return ranked.stream()
                .filter(s -> s.score() >= floor)
                .map(Scored::item)
                .sorted()
                .map(sentences::get)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /** The k items closest to the question: cosine similarity plus a small keyword-overlap bonus. */
    private static <T> List<Scored<T>> best(List<T> items, Function<T, Embedding> vector, Function<T, String> text,
            Embedding query, String asked, int k) {
        return items.stream()
                .map(item -> new Scored<>(item, CosineSimilarity.between(vector.apply(item), query)
                        + KEYWORD_WEIGHT * Keywords.overlap(asked, text.apply(item))))
                .sorted(Comparator.comparingDouble((Scored<T> s) -> s.score()).reversed())
                .limit(k)
                .toList();
    }

    private static List<Path> documents(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".md") || name.endsWith(".txt");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LlmevalException(ExitStatus.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
