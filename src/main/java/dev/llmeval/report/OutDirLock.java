package dev.llmeval.report;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run at a time writes into a report folder: {@code <out>/.llmeval.lock} holds the pid of the
 * run that writes there, under an operating-system lock that ends with the process. A second run
 * on the same folder while the first is alive stops with exit 2 naming that pid; a lock file left
 * by a run that died (killed, power cut) is no longer locked and is taken over. The file stays,
 * emptied, when the run ends. The lock is on a byte far past the pid, so that the pid can be read
 * on systems whose locks block reads.
 */
public final class OutDirLock implements AutoCloseable {

    static final String NAME = ".llmeval.lock";
    private static final long REGION = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;
    private final String previous;

    private OutDirLock(FileChannel channel, FileLock lock, String previous) {
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the lock of {@code dir}, creating the folder.
     *
     * @throws LlmevalException USAGE when a live run holds it; INVALID_INPUT when the folder cannot be written
     */
    public static OutDirLock acquire(Path dir) {
        Path file = dir.resolve(NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(REGION, 1, false);
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already
            }
            String holder = read(channel);
            if (lock == null) {
                channel.close();
                throw new LlmevalException(ExitStatus.USAGE, "--out " + dir + " is in use by another llmeval run ("
                        + (holder.isEmpty() ? "pid unknown" : holder) + "); wait for it to finish or choose another"
                        + " --out");
            }
            byte[] mine = ("pid " + ProcessHandle.current().pid() + ", since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(mine), 0);
            channel.force(false);
            return new OutDirLock(channel, lock, holder.isEmpty() ? null : holder);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reported below
                }
            }
            throw new LlmevalException(ExitStatus.INVALID_INPUT,
                    "cannot write the report: cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the lock file said when this run took it over from a run that died without releasing it
     * ({@code pid 1234, since …}), or null when it was free.
     */
    public String tookOverFrom() {
        return previous;
    }

    /** Empties the lock file and releases the lock; harmless when called again. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases the lock anyway
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        int n = channel.read(buffer, 0);
        return n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
    }
}
