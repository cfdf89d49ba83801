package dev.llmeval.report;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over items read one ahead from a source: {@link #read} gives the next item, or null at the end. */
abstract class Lookahead<T> implements Iterator<T> {

    private T next;
    private boolean started;

    /** The next item, or null when there is none (the source can be closed then). */
    abstract T read();

    @Override
    public boolean hasNext() {
        if (!started) {
            started = true;
            next = read();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = read();
        return item;
    }
}
