package dev.llmeval.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmeval.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * The mock judge of the benchmark in its own JVM, so its CPU and heap stay out of the measured
 * process: a {@link FakeOpenAiServer} with a response latency, plus {@code GET /stats} on a second
 * port that counts chat requests per JSON schema name and (with {@code ?tokens=1}) their prompt
 * tokens (o200k_base over the text of all messages). Prints {@code READY <judge-url> <stats-url>}.
 *
 * <p>Usage: {@code MockJudgeServer LATENCY_MS THREADS}
 */
public final class MockJudgeServer {

    private MockJudgeServer() {}

    public static void main(String[] args) throws Exception {
        long latency = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        FakeOpenAiServer judge = new FakeOpenAiServer(latency, threads);
        Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        HttpServer stats = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        CountDownLatch stop = new CountDownLatch(1);
        stats.createContext("/stats", exchange -> {
            boolean tokens = String.valueOf(exchange.getRequestURI().getQuery()).contains("tokens=1");
            send(exchange, stats(judge, tokens ? encoding : null));
        });
        stats.createContext("/stop", exchange -> {
            send(exchange, "bye\n");
            stop.countDown();
        });
        stats.start();
        System.out.println("READY " + judge.baseUrl() + " http://127.0.0.1:" + stats.getAddress().getPort());
        System.out.flush();
        stop.await();
        stats.stop(0);
        judge.close();
        System.exit(0);
    }

    /** Lines {@code chat <schema> <calls> <promptTokens>} and {@code embeddings <requests> <texts>}. */
    static String stats(FakeOpenAiServer judge, Encoding encoding) {
        Map<String, long[]> bySchema = new TreeMap<>();
        List<JsonNode> requests = judge.chatRequests();
        for (JsonNode request : requests) {
            long[] row = bySchema.computeIfAbsent(FakeOpenAiServer.schemaName(request), k -> new long[2]);
            row[0]++;
            if (encoding != null) {
                for (JsonNode message : request.path("messages")) {
                    JsonNode content = message.path("content");
                    row[1] += encoding.countTokens(content.isTextual() ? content.asText() : content.toString());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        bySchema.forEach((schema, row) -> sb.append("chat ").append(schema.isEmpty() ? "-" : schema).append(' ')
                .append(row[0]).append(' ').append(row[1]).append('\n'));
        List<JsonNode> embeddings = judge.embeddingRequests();
        long texts = 0;
        for (JsonNode request : embeddings) {
            JsonNode input = request.path("input");
            texts += input.isArray() ? input.size() : 1;
        }
        sb.append("embeddings ").append(embeddings.size()).append(' ').append(texts).append('\n');
        return sb.toString();
    }

    private static void send(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
