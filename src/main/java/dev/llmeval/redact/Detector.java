package dev.llmeval.redact;

import java.util.List;

/** Finds one kind of personal data in a text. */
interface Detector {

    /** The hits in {@code text}, in any order; they may overlap hits of other detectors. */
    List<Hit> find(String text);
}
