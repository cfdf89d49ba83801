package dev.llmeval.traces;

import java.util.List;

/**
 * Where a source keeps the question, the answer and the contexts, tried before the built-in
 * conventions. For OTLP each entry is a span attribute name ({@code {i}} stands for a list index,
 * as in {@code retrieval.documents.{i}.document.content}); for Langfuse and LangSmith a JSON
 * Pointer into the root's input (question) or output (answer), or into a retriever's output
 * (contexts), where {@code *} stands for every item of a list.
 */
public record TraceFields(List<String> question, List<String> answer, List<String> contexts) {

    public static final TraceFields DEFAULT = new TraceFields(List.of(), List.of(), List.of());

    public TraceFields {
        question = question == null ? List.of() : List.copyOf(question);
        answer = answer == null ? List.of() : List.copyOf(answer);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    boolean configured() {
        return !question.isEmpty() || !answer.isEmpty() || !contexts.isEmpty();
    }
}
