package dev.llmeval.target;

import java.util.List;

/** A Java target for JavaTargetTest: echoes the question and one of its fields. */
public final class EchoTarget implements RagTarget {

    @Override
    public TargetAnswer answer(TargetQuestion question) {
        return new TargetAnswer("echo: " + question.userInput(), List.of("ref: " + question.fields().get("reference")),
                List.of(question.id()));
    }
}
