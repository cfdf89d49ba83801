package dev.llmeval.app;

import dev.llmeval.dataset.GoldenSample;
import dev.llmeval.metric.EvaluatedSample;
import dev.llmeval.metric.SampleField;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What a run must know of every sample before it scores any, noted while the golden set is
 * validated so that no sample needs to be held: which fields each sample has (one byte a sample)
 * and whether any sample has a reference.
 */
final class SampleFacts implements Consumer<GoldenSample> {

    private static final SampleField[] FIELDS = SampleField.values();

    static {
        if (FIELDS.length > Byte.SIZE) {
            throw new IllegalStateException("more sample fields than bits in a byte");
        }
    }

    private byte[] fields = new byte[64];
    private int size;
    private boolean anyReference;

    @Override
    public void accept(GoldenSample golden) {
        EvaluatedSample sample = Evaluation.toEvaluated(golden);
        int bits = 0;
        for (SampleField field : FIELDS) {
            if (sample.has(field)) {
                bits |= 1 << field.ordinal();
            }
        }
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, size * 2);
        }
        fields[size++] = (byte) bits;
        anyReference |= sample.has(SampleField.REFERENCE);
    }

    /** How many samples were noted. */
    int size() {
        return size;
    }

    /** Whether the sample at {@code index} has {@code field}, as {@link EvaluatedSample#has} tells. */
    boolean has(int index, SampleField field) {
        return (fields[index] & 1 << field.ordinal()) != 0;
    }

    /** Whether any sample has a reference that is not blank. */
    boolean anyReference() {
        return anyReference;
    }
}
