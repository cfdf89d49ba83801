package dev.llmeval.judge;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Bounds the judge calls in flight and, optionally, spaces them to a requests-per-minute limit.
 * The bound adapts (AIMD): a rate-limited call halves it (not below 1), and a run of
 * {@code increaseAfter} successes raises it by 1, back up to the configured maximum. Only one
 * halving happens per wave of calls: a 429 from a call started before the last decrease is not
 * counted again. Thread-safe.
 */
public final class CallLimiter {

    /** How a call ended, for the adaptive bound. */
    enum Outcome { SUCCESS, RATE_LIMITED, FAILED }

    /** A slot taken by {@link #acquire}; give it back with {@link #release}. */
    record Permit(long generation) {}

    /** Default successes in a row before the bound grows by one. */
    public static final int DEFAULT_INCREASE_AFTER = 10;

    private final int maxConcurrency;
    private final long intervalNanos;
    private final int increaseAfter;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    private int limit;
    private int inFlight;
    private int successes;
    private long generation;
    private long nextStartNanos;
    private boolean started;

    /**
     * @param maxConcurrency the most calls in flight, >= 1
     * @param requestsPerMinute 0 for no rate limit, otherwise calls start at least
     *     {@code 60 s / requestsPerMinute} apart
     * @param increaseAfter successes in a row before the bound grows by one
     * @param nanoTime a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     * @param sleeper how to wait for the next start slot
     */
    public CallLimiter(int maxConcurrency, int requestsPerMinute, int increaseAfter, LongSupplier nanoTime, Sleeper sleeper) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 0, got " + requestsPerMinute);
        }
        if (increaseAfter < 1) {
            throw new IllegalArgumentException("increaseAfter must be >= 1, got " + increaseAfter);
        }
        this.maxConcurrency = maxConcurrency;
        this.intervalNanos = requestsPerMinute == 0 ? 0 : Duration.ofMinutes(1).toNanos() / requestsPerMinute;
        this.increaseAfter = increaseAfter;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.limit = maxConcurrency;
    }

    /** A limiter on the system clock. */
    public static CallLimiter of(int maxConcurrency, int requestsPerMinute) {
        return new CallLimiter(maxConcurrency, requestsPerMinute, DEFAULT_INCREASE_AFTER, System::nanoTime, Sleeper.system());
    }

    /** 8 calls in flight, no rate limit. */
    public static CallLimiter defaults() {
        return of(8, 0);
    }

    /** Waits for a free slot, then for the next start time the rate limit allows. */
    Permit acquire() throws InterruptedException {
        long wait;
        Permit permit;
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                slotFree.await();
            }
            inFlight++;
            permit = new Permit(generation);
            wait = reserveStart();
        } finally {
            lock.unlock();
        }
        if (wait > 0) {
            try {
                sleeper.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                release(permit, Outcome.FAILED);
                throw e;
            }
        }
        return permit;
    }

    /** Gives the slot back and adapts the bound to how the call ended. */
    void release(Permit permit, Outcome outcome) {
        lock.lock();
        try {
            inFlight--;
            switch (outcome) {
                case SUCCESS -> {
                    successes++;
                    if (successes >= increaseAfter && limit < maxConcurrency) {
                        limit++;
                        successes = 0;
                    }
                }
                case RATE_LIMITED -> {
                    successes = 0;
                    if (permit.generation() == generation) {
                        limit = Math.max(1, limit / 2);
                        generation++;
                    }
                }
                case FAILED -> successes = 0;
            }
            slotFree.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The bound in effect now, between 1 and the configured maximum. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The configured maximum. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Books the next start slot; returns how long to wait for it, in nanoseconds. */
    private long reserveStart() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long start = !started || now - nextStartNanos > 0 ? now : nextStartNanos;
        started = true;
        nextStartNanos = start + intervalNanos;
        return start - now;
    }
}
