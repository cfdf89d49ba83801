package dev.llmeval.traces;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the question, the answer and retrieved documents out of the shapes tracing SDKs record:
 * a plain string, an object such as {@code {"question": ...}}, chat messages (the last user
 * message is the question, the last assistant message the answer), message parts, LangChain
 * generations and documents.
 */
final class Content {

    private static final List<String> QUESTION_KEYS = List.of("question", "query", "user_input", "input", "prompt",
            "text", "content", "message", "q");
    private static final List<String> ANSWER_KEYS = List.of("answer", "response", "output", "result", "text",
            "content", "completion", "message", "generation");
    private static final List<String> DOCUMENT_LIST_KEYS = List.of("documents", "docs", "results", "context",
            "contexts", "source_documents", "output", "nodes", "chunks");
    static final List<String> DOCUMENT_TEXT_KEYS = List.of("page_content", "pageContent", "content", "text");

    /** A retrieved document: its text and, when recorded, its id. */
    record Doc(String text, String id) {}

    private Content() {}

    static String question(JsonNode node) {
        return text(node, "user", QUESTION_KEYS, 0);
    }

    static String answer(JsonNode node) {
        return text(node, "assistant", ANSWER_KEYS, 0);
    }

    /** The text of {@code node}: a string, the last message of {@code role}, or the first key that holds text. */
    private static String text(JsonNode node, String role, List<String> keys, int depth) {
        if (node == null || node.isNull() || node.isMissingNode() || depth > 6) {
            return null;
        }
        if (node.isTextual()) {
            JsonNode parsed = Json.parseIfJson(node.asText());
            return parsed != null ? text(parsed, role, keys, depth + 1) : blankToNull(node.asText());
        }
        if (node.isArray()) {
            String fromMessages = lastMessage(node, role);
            if (fromMessages != null) {
                return fromMessages;
            }
            String parts = partsText(node);
            if (parts != null) {
                return parts;
            }
            // LangChain generations: [[{"text": ...}]]
            for (JsonNode item : node) {
                String t = text(item, role, keys, depth + 1);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        if (node.isObject()) {
            if (node.has("messages")) {
                String t = text(node.get("messages"), role, keys, depth + 1);
                if (t != null) {
                    return t;
                }
            }
            if (node.has("choices")) { // an OpenAI response
                String t = text(node.get("choices"), role, keys, depth + 1);
                if (t != null) {
                    return t;
                }
            }
            if (node.has("generations")) {
                String t = text(node.get("generations"), role, keys, depth + 1);
                if (t != null) {
                    return t;
                }
            }
            if (node.has("role") && (node.has("content") || node.has("parts"))) {
                return messageText(node);
            }
            for (String key : keys) {
                if (node.has(key)) {
                    String t = text(node.get(key), role, keys, depth + 1);
                    if (t != null) {
                        return t;
                    }
                }
            }
        }
        return null;
    }

    /** The last message whose role is {@code role} (user/human, assistant/ai) in a list of messages. */
    private static String lastMessage(JsonNode list, String role) {
        String found = null;
        boolean anyMessage = false;
        for (JsonNode m : list) {
            if (m.isObject() && (m.has("role") || m.has("type")) && (m.has("content") || m.has("parts"))) {
                anyMessage = true;
                String r = m.has("role") ? m.get("role").asText() : m.get("type").asText();
                if (sameRole(r, role)) {
                    String t = messageText(m);
                    if (t != null) {
                        found = t;
                    }
                }
            }
        }
        return anyMessage ? found : null;
    }

    private static boolean sameRole(String actual, String wanted) {
        String a = actual.toLowerCase(java.util.Locale.ROOT);
        return wanted.equals("user") ? a.equals("user") || a.equals("human")
                : a.equals("assistant") || a.equals("ai") || a.equals("model");
    }

    /** A message's text: its string content, or its text parts joined. */
    static String messageText(JsonNode message) {
        JsonNode content = message.has("content") ? message.get("content") : message.get("parts");
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return blankToNull(content.asText());
        }
        return content.isArray() ? partsText(content) : null;
    }

    /** Text parts ({@code {"type": "text", "content"|"text": ...}}) joined by blank lines; null when none. */
    private static String partsText(JsonNode parts) {
        List<String> texts = new ArrayList<>();
        for (JsonNode part : parts) {
            if (part.isObject() && part.path("type").asText("text").equals("text")) {
                JsonNode t = part.has("content") ? part.get("content") : part.get("text");
                if (t != null && t.isTextual() && !t.asText().isBlank()) {
                    texts.add(t.asText());
                }
            }
        }
        return texts.isEmpty() ? null : String.join("\n\n", texts);
    }

    /** Retrieved documents in a retriever's output: a list of documents or strings, or an object holding one. */
    static List<Doc> documents(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (node.isTextual()) {
            JsonNode parsed = Json.parseIfJson(node.asText());
            return parsed == null ? List.of() : documents(parsed);
        }
        if (node.isArray()) {
            List<Doc> docs = new ArrayList<>();
            for (JsonNode item : node) {
                Doc doc = document(item);
                if (doc != null) {
                    docs.add(doc);
                }
            }
            return docs;
        }
        if (node.isObject()) {
            for (String key : DOCUMENT_LIST_KEYS) {
                if (node.has(key)) {
                    List<Doc> docs = documents(node.get(key));
                    if (!docs.isEmpty()) {
                        return docs;
                    }
                }
            }
        }
        return List.of();
    }

    private static Doc document(JsonNode item) {
        if (item.isTextual()) {
            return item.asText().isBlank() ? null : new Doc(item.asText(), null);
        }
        if (!item.isObject()) {
            return null;
        }
        JsonNode inner = item.has("document") && item.get("document").isObject() ? item.get("document") : item;
        for (String key : DOCUMENT_TEXT_KEYS) {
            if (inner.path(key).isTextual() && !inner.get(key).asText().isBlank()) {
                return new Doc(inner.get(key).asText(), id(inner));
            }
        }
        return null;
    }

    private static String id(JsonNode doc) {
        for (JsonNode candidate : List.of(doc.path("id"), doc.path("metadata").path("id"),
                doc.path("metadata").path("chunk_id"), doc.path("metadata").path("source"))) {
            if (candidate.isTextual() || candidate.isNumber()) {
                return candidate.asText();
            }
        }
        return null;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
