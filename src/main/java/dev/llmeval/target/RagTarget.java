package dev.llmeval.target;

/**
 * The RAG system under test: a question in, an answer with its retrieved contexts out.
 *
 * <p>Implementations used with {@link TargetRunner} at a concurrency above 1 must be thread-safe.
 * A Java target loaded with {@code --target-classpath} needs a public no-arg constructor.
 */
public interface RagTarget extends AutoCloseable {

    /** Answers one question; any exception becomes a per-sample error. */
    TargetAnswer answer(TargetQuestion question) throws Exception;

    @Override
    default void close() {}
}
