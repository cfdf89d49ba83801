package dev.llmeval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium with one page, driven over the Chrome DevTools Protocol with the JDK's
 * WebSocket and Jackson; for tests. Every wait has a timeout, and {@link #close} ends the browser
 * and every process it started.
 */
final class Chromium implements AutoCloseable {

    /** The browser binary to use instead of looking for one on the PATH. */
    static final String BINARY_ENV = "LLMEVAL_CHROMIUM";
    /** Set to {@code true} to skip the browser tests instead of failing when Chromium is missing. */
    static final String SKIP_ENV = "LLMEVAL_SKIP_BROWSER_TESTS";

    private static final List<String> NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Process process;
    private final Path log;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final Object sendLock = new Object();
    private CompletableFuture<WebSocket> lastSend;
    private volatile String sessionId;
    private volatile Throwable broken;

    private Chromium(Process process, Path log, WebSocket socket) {
        this.process = process;
        this.log = log;
        this.socket = socket;
        this.lastSend = CompletableFuture.completedFuture(socket);
    }

    /** Whether the browser tests are switched off with {@link #SKIP_ENV}. */
    static boolean skipped(Map<String, String> env) {
        String value = env.getOrDefault(SKIP_ENV, "").strip();
        return value.equalsIgnoreCase("true") || value.equals("1");
    }

    /** {@link #BINARY_ENV} when set, else the first of chromium, chromium-browser, google-chrome... on the PATH. */
    static Optional<Path> find(Map<String, String> env) {
        String explicit = env.get(BINARY_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit.strip());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String[] dirs = env.getOrDefault("PATH", "").split(File.pathSeparator);
        return NAMES.stream()
                .flatMap(name -> Stream.of(dirs).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts {@code binary} headless with a fresh profile under {@code dir} and attaches to a
     * blank page; its output goes to {@code dir/chromium.log}.
     */
    static Chromium start(Path binary, Path dir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path log = dir.resolve("chromium.log");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Chromium chromium = null;
        try {
            String endpoint = endpoint(process, profile.resolve("DevToolsActivePort"), log);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(endpoint), listener)
                    .get(REPLY.toSeconds(), TimeUnit.SECONDS);
            chromium = new Chromium(process, log, socket);
            listener.chromium = chromium;
            chromium.attach();
            return chromium;
        } catch (ExecutionException | TimeoutException | RuntimeException | Error e) {
            if (chromium != null) {
                chromium.close();
            } else {
                kill(process);
            }
            throw new IllegalStateException("cannot drive Chromium (" + binary + "): " + e + "\n" + tail(log), e);
        }
    }

    /** Polls DevToolsActivePort (port, then the browser's path) until the browser has written it. */
    private static String endpoint(Process process, Path portFile, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + " before listening");
            }
            if (Files.isRegularFile(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && lines.get(0).strip().matches("[0-9]+") && lines.get(1).startsWith("/")) {
                    return "ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip();
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium wrote no " + portFile + " within " + START.toSeconds() + " s");
    }

    /** Opens a blank page and attaches to it; later commands go to that page. */
    private void attach() {
        String target = browser("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        sessionId = browser("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        send("Page.enable", Map.of());
        send("Runtime.enable", Map.of());
        send("Log.enable", Map.of());
    }

    /** A command to the page; its result, or an AssertionError for a protocol error or no reply in time. */
    JsonNode send(String method, Map<String, ?> params) {
        return command(sessionId, method, params);
    }

    private JsonNode browser(String method, Map<String, ?> params) {
        return command(null, method, params);
    }

    private JsonNode command(String session, String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", MAPPER.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        enqueue(message.toString());
        JsonNode answer;
        try {
            answer = reply.get(REPLY.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(method + ": no reply from Chromium within " + REPLY.toSeconds() + " s\n" + tail(log));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + ": interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(method + ": " + e.getCause() + "\n" + tail(log), e.getCause());
        } finally {
            pending.remove(id);
        }
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Sends without waiting; sends are chained so that only one is outstanding at a time. */
    private void enqueue(String text) {
        synchronized (sendLock) {
            lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
            lastSend.whenComplete((ws, e) -> {
                if (e != null) {
                    fail(e);
                }
            });
        }
    }

    /** How many events have arrived so far; pass it to {@link #events(int)} or {@link #awaitEvent}. */
    int mark() {
        synchronized (events) {
            return events.size();
        }
    }

    /** The page's events since {@code from}. */
    List<JsonNode> events(int from) {
        synchronized (events) {
            return List.copyOf(events.subList(from, events.size()));
        }
    }

    /** Waits for a page event named {@code method}, arrived at or after {@code from}, that matches. */
    JsonNode awaitEvent(int from, String method, Predicate<JsonNode> params, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            int seen = from;
            while (true) {
                for (; seen < events.size(); seen++) {
                    JsonNode e = events.get(seen);
                    if (method.equals(e.path("method").asText()) && params.test(e.path("params"))) {
                        return e.path("params");
                    }
                }
                long left = deadline - System.nanoTime();
                if (broken != null) {
                    throw new AssertionError("the connection to Chromium broke: " + broken, broken);
                }
                if (left <= 0) {
                    throw new AssertionError("no " + method + " within " + timeout.toSeconds() + " s");
                }
                try {
                    events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + method, e);
                }
            }
        }
    }

    /** Loads {@code url} and waits for its load event; returns the event mark from before the navigation. */
    int navigate(String url) {
        int mark = mark();
        JsonNode result = send("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new AssertionError("cannot open " + url + ": " + result.get("errorText").asText());
        }
        awaitEvent(mark, "Page.loadEventFired", p -> true, REPLY);
        return mark;
    }

    /**
     * Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON;
     * an exception in the page is an AssertionError.
     */
    JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true, "userGesture", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A real mouse click (pressed and released) at the centre of the first element {@code selector} matches. */
    void click(String selector) {
        JsonNode box = evaluate("(function () { var e = document.querySelector(" + quote(selector) + ");"
                + " if (!e) { throw new Error('nothing matches ' + " + quote(selector) + "); }"
                + " e.scrollIntoView({block: 'center'}); var r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", Map.of("type", type, "x", box.path("x").asDouble(),
                    "y", box.path("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** Types {@code text} into the focused element, as a keyboard would (input events fire). */
    void type(String text) {
        send("Input.insertText", Map.of("text", text));
    }

    /**
     * What went wrong in the page since {@code mark}: uncaught exceptions, console errors,
     * error log entries (a Content-Security-Policy violation is one) and dialogs.
     */
    List<String> problems(int mark) {
        List<String> problems = new ArrayList<>();
        for (JsonNode e : events(mark)) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> problems.add("exception: "
                        + p.at("/exceptionDetails/exception/description").asText(p.at("/exceptionDetails/text").asText()));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("assert")) {
                        problems.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.at("/entry/level").asText().equals("error")) {
                        problems.add("log (" + p.at("/entry/source").asText() + "): " + p.at("/entry/text").asText());
                    }
                }
                case "Page.javascriptDialogOpening" -> problems.add("dialog (" + p.path("type").asText() + "): "
                        + p.path("message").asText());
                case "Inspector.targetCrashed" -> problems.add("the page crashed");
                default -> { }
            }
        }
        return problems;
    }

    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = MAPPER.readTree(text);
        } catch (IOException e) {
            fail(e);
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        String session = message.path("sessionId").asText(null);
        if (session == null || !session.equals(sessionId)) {
            return;
        }
        if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
            // a dialog would block the page: dismiss it (the event is still recorded as a problem)
            ObjectNode dismiss = MAPPER.createObjectNode().put("id", ids.incrementAndGet())
                    .put("method", "Page.handleJavaScriptDialog").put("sessionId", session);
            dismiss.putObject("params").put("accept", false);
            enqueue(dismiss.toString());
        }
        synchronized (events) {
            events.add(message);
            events.notifyAll();
        }
    }

    private void fail(Throwable e) {
        broken = e;
        pending.values().forEach(f -> f.completeExceptionally(e));
        synchronized (events) {
            events.notifyAll();
        }
    }

    /** Closes the browser, then ends every process it started and waits for them, within seconds. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            if (broken == null) {
                enqueue(MAPPER.createObjectNode().put("id", ids.incrementAndGet()).put("method", "Browser.close")
                        .toString());
            }
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
            tree.forEach(ProcessHandle::destroyForcibly);
            kill(process);
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle p : tree) {
                p.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // left to the operating system; nothing more to do from here
        }
    }

    /** The last lines of Chromium's output, for failure messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "chromium output (last lines):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no chromium output: " + e.getMessage() + ")";
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile Chromium chromium;
        private final List<String> early = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                Chromium c = chromium;
                if (c == null) {
                    early.add(message);
                } else {
                    early.forEach(c::received);
                    early.clear();
                    c.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            Chromium c = chromium;
            if (c != null) {
                c.fail(new IOException("DevTools connection closed: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            Chromium c = chromium;
            if (c != null) {
                c.fail(error);
            }
        }
    }
}
