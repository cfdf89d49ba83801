package dev.llmeval.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Plain progress lines for CI logs: one per tenth of the samples, with an ETA, and one at the end:
 * the samples scored, or, when the run stopped early, how many were scored and why it stopped.
 */
final class LineProgress implements Progress {

    private final PrintWriter err;
    private final int samples;
    private final Supplier<String> status;
    private final Supplier<String> stopped;
    private final long startNanos = System.nanoTime();
    private int done;
    private int lastTenth;
    private boolean closed;

    LineProgress(PrintWriter err, int samples, Supplier<String> status, Supplier<String> stopped) {
        this.err = err;
        this.samples = samples;
        this.status = status;
        this.stopped = stopped;
    }

    @Override
    public synchronized void sampleDone(boolean scored) {
        if (!scored) {
            return;
        }
        done++;
        int tenth = done * 10 / samples;
        if (tenth > lastTenth && done < samples) {
            lastTenth = tenth;
            print();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String reason = stopped.get();
        if (reason == null) {
            print();
            return;
        }
        err.println("llmeval: stopped early after " + done + " of " + samples + " samples (" + done * 100 / samples
                + "%): " + reason + " | " + status.get());
        err.flush();
    }

    private void print() {
        long elapsed = System.nanoTime() - startNanos;
        String eta = done == 0 || done >= samples ? ""
                : ", eta " + seconds(Duration.ofNanos(elapsed / done * (samples - done)));
        err.println("llmeval: " + done + "/" + samples + " samples done (" + done * 100 / samples + "%"
                + eta + ") | " + status.get());
        err.flush();
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? s / 60 + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
