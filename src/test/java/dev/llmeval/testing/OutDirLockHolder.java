package dev.llmeval.testing;

import dev.llmeval.report.OutDirLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for the lock tests: takes the lock of the folder in {@code args[0]} as a run
 * does, prints {@code locked}, and holds it until its standard input closes or it is killed.
 */
public final class OutDirLockHolder {

    private OutDirLockHolder() {}

    public static void main(String[] args) throws IOException {
        OutDirLock lock = OutDirLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the lock
        }
        lock.close();
    }

    /** Starts a holder of {@code dir} in a new JVM and waits until it holds the lock. */
    public static Process start(Path dir) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutDirLockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
        if (!"locked".equals(line)) {
            process.destroyForcibly();
            throw new IllegalStateException("the lock holder did not start: " + line);
        }
        return process;
    }
}
