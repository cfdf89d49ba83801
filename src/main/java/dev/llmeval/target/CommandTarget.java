package dev.llmeval.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the user's program once and talks JSON lines with it: one request line per question on its
 * stdin, {@code {"id": ..., "user_input": ...}}, and one reply line per question on its stdout,
 * {@code {"id": ..., "response": ..., "retrieved_contexts": [...], "retrieved_context_ids": [...]}}
 * or {@code {"id": ..., "error": "..."}}, matched by id (replies may come in any order). The
 * program's stderr is copied to the log with the prefix {@code [target] }. See docs/targets.md.
 *
 * <p>Thread-safe: several questions may be outstanding at once. If the program exits, the
 * outstanding questions fail with its exit code and last stderr lines, and every later call
 * throws {@link TargetUnreachableException}. {@link #close()} closes its stdin, waits, then kills it.
 */
public final class CommandTarget implements RagTarget {

    static final String PREFIX = "[target] ";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);
    private static final int STDERR_LINES = 5;
    private static final int MAX_QUOTE = 200;

    private final Process process;
    private final Writer stdin;
    private final PrintWriter log;
    private final Duration timeout;
    private final Map<String, CompletableFuture<TargetAnswer>> pending = new ConcurrentHashMap<>();
    private final Deque<String> lastStderr = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final Thread shutdownHook = new Thread(this::close, "llmeval-target-shutdown");
    private volatile String death;
    private volatile boolean closing;

    private CommandTarget(Process process, PrintWriter log, Duration timeout) {
        this.process = process;
        this.log = log != null ? log : new PrintWriter(Writer.nullWriter());
        this.timeout = timeout;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.stderrReader = daemon("llmeval-target-stderr", this::copyStderr);
        this.stdoutReader = daemon("llmeval-target-stdout", this::readReplies);
    }

    /**
     * Starts {@code command} through {@code /bin/sh -c} ({@code cmd /c} on Windows).
     *
     * @param workDir the working directory, null for the current one
     * @param timeout how long one question may wait for its reply
     * @param log where the program's stderr and protocol warnings go, prefixed {@code [target] };
     *     null to discard them
     */
    public static CommandTarget start(String command, Path workDir, Duration timeout, PrintWriter log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(shell(command));
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        CommandTarget target = new CommandTarget(builder.start(), log, timeout == null ? Duration.ofSeconds(60) : timeout);
        target.stderrReader.start();
        target.stdoutReader.start();
        Runtime.getRuntime().addShutdownHook(target.shutdownHook);
        return target;
    }

    static List<String> shell(String command) {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd", "/c", command)
                : List.of("/bin/sh", "-c", command);
    }

    /** False once the program has exited or the target was closed. */
    public boolean alive() {
        return death == null && process.isAlive();
    }

    /** The started process, for tests. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public TargetAnswer answer(TargetQuestion question) throws IOException, InterruptedException {
        String failure = death;
        if (failure != null) {
            throw new TargetUnreachableException(failure);
        }
        CompletableFuture<TargetAnswer> reply = new CompletableFuture<>();
        if (pending.putIfAbsent(question.id(), reply) != null) {
            throw new IllegalArgumentException("question id '" + question.id() + "' is already waiting for a reply");
        }
        try {
            if (death != null) {
                throw new TargetUnreachableException(death);
            }
            send(question);
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no reply for id '" + question.id() + "' within "
                    + (timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } finally {
            pending.remove(question.id(), reply);
        }
    }

    private void send(TargetQuestion question) throws IOException, InterruptedException {
        ObjectNode line = MAPPER.createObjectNode().put("id", question.id()).put("user_input", question.userInput());
        try {
            synchronized (stdin) {
                stdin.write(MAPPER.writeValueAsString(line));
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            stdoutReader.join(EXIT_GRACE.toMillis());
            String failure = death;
            throw new TargetUnreachableException(failure != null ? failure : "cannot write to the target: " + e.getMessage());
        }
    }

    private void readReplies() {
        try (BufferedReader out = reader(process.getInputStream())) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isBlank()) {
                    reply(line);
                }
            }
        } catch (IOException e) {
            // the stream closed under us: treated as the end of the program below
        }
        died();
    }

    private void reply(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (IOException e) {
            String tooLong = TargetRunner.tooLong(e);
            if (tooLong != null) {
                failAll(new IOException(tooLong));
                return;
            }
            node = null;
        }
        if (node == null || !node.isObject()) {
            failAll(new IOException("target wrote a line that is not a JSON object: " + quote(line)));
            return;
        }
        JsonNode id = node.get("id");
        CompletableFuture<TargetAnswer> future = id == null || !id.isValueNode() ? null : pending.get(id.asText());
        if (future == null) {
            warn("ignored a reply with an unknown id: " + quote(line));
            return;
        }
        try {
            future.complete(answer(node));
        } catch (IOException e) {
            future.completeExceptionally(e);
        }
    }

    private static TargetAnswer answer(JsonNode node) throws IOException {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            throw new IOException("target error: " + error.asText());
        }
        JsonNode response = node.get("response");
        if (response == null || !response.isTextual()) {
            throw new IOException("reply has no \"response\" string: " + quote(node.toString()));
        }
        return new TargetAnswer(response.asText(), strings(node, "retrieved_contexts"), strings(node, "retrieved_context_ids"));
    }

    private static List<String> strings(JsonNode node, String field) throws IOException {
        JsonNode list = node.get(field);
        List<String> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IOException("\"" + field + "\" is not a list: " + quote(node.toString()));
        }
        for (JsonNode item : list) {
            if (!item.isValueNode() || item.isNull()) {
                throw new IOException("\"" + field + "\" holds a non-string item: " + quote(node.toString()));
            }
            out.add(item.asText());
        }
        return out;
    }

    private void copyStderr() {
        try (BufferedReader err = reader(process.getErrorStream())) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (lastStderr) {
                    lastStderr.addLast(line);
                    if (lastStderr.size() > STDERR_LINES) {
                        lastStderr.removeFirst();
                    }
                }
                warn(line);
            }
        } catch (IOException e) {
            // the program is gone
        }
    }

    private void died() {
        String message;
        try {
            boolean exited = process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            stderrReader.join(1000);
            message = closing ? "target closed"
                    : exited ? "target command exited with code " + process.exitValue() + stderrTail()
                    : "target command closed its stdout" + stderrTail();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            message = "target closed";
        }
        death = message;
        failAll(new TargetUnreachableException(message));
    }

    private String stderrTail() {
        synchronized (lastStderr) {
            return lastStderr.isEmpty() ? "" : "; last stderr: " + String.join(" | ", lastStderr);
        }
    }

    private void failAll(IOException failure) {
        pending.values().forEach(future -> future.completeExceptionally(failure));
    }

    private void warn(String line) {
        synchronized (log) {
            log.println(PREFIX + line);
            log.flush();
        }
    }

    /**
     * Closes the program's stdin, waits up to 5 s for it to exit, then kills it (and its children).
     * Also runs from a JVM shutdown hook, so the program does not outlive llmeval (Ctrl-C, SIGTERM).
     */
    @Override
    public void close() {
        closing = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs close() too, which is harmless
            }
        }
        try {
            synchronized (stdin) {
                stdin.close();
            }
        } catch (IOException e) {
            // already closed by the program's exit
        }
        try {
            if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process.toHandle());
            }
            stdoutReader.join(EXIT_GRACE.toMillis());
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (death == null) {
            death = "target closed";
        }
        failAll(new TargetUnreachableException("target closed"));
    }

    /** Ends the process and its children: SIGTERM, up to 2 s, then SIGKILL. */
    private static void kill(ProcessHandle root) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ProcessHandle handle : all) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }

    private static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String quote(String line) {
        return "'" + TargetRunner.truncate(line.strip(), MAX_QUOTE) + "'";
    }
}
