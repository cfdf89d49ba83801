package dev.llmeval.app;

import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The live progress bar (the progressbar library) for a terminal. */
final class BarProgress implements Progress {

    private final ProgressBar bar;
    private final Supplier<String> status;
    private final Supplier<String> stopped;
    private boolean closed;

    BarProgress(int samples, Supplier<String> status, Supplier<String> stopped) {
        this.status = status;
        this.stopped = stopped;
        this.bar = new ProgressBarBuilder()
                .setTaskName("Scoring")
                .setInitialMax(samples)
                .setUnit(" samples", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build();
    }

    @Override
    public synchronized void sampleDone(boolean scored) {
        if (scored) {
            bar.step();
        }
        bar.setExtraMessage(" " + status.get());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String reason = stopped.get();
        bar.setExtraMessage(reason == null ? " " + status.get() : " stopped early: " + reason);
        bar.close();
    }
}
