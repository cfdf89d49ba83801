package dev.llmeval.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge prompts: {@code llmeval/prompts/<id>.txt} on the classpath, each replaceable by a
 * file {@code <dir>/<id>.txt}. Templates use {@code {{name}}} placeholders; values are inserted
 * once, so braces or placeholders inside a value are left as they are. Thread-safe.
 */
public final class PromptLibrary {

    private static final String RESOURCE_ROOT = "llmeval/prompts/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final Path overrides;
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    private PromptLibrary(Path overrides) {
        this.overrides = overrides;
    }

    /** The prompts shipped in the jar. */
    public static PromptLibrary builtIn() {
        return new PromptLibrary(null);
    }

    /** The built-in prompts, each replaced by {@code <dir>/<id>.txt} where that file exists. */
    public static PromptLibrary withOverrides(Path dir) {
        Objects.requireNonNull(dir, "dir == null");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("prompts directory not found: " + dir);
        }
        return new PromptLibrary(dir);
    }

    /**
     * Fills the prompt's placeholders.
     *
     * @throws IllegalArgumentException for an unknown prompt id or a placeholder without a value
     */
    public String render(String id, Map<String, Object> vars) {
        String template = template(id);
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = vars.get(name);
            if (value == null) {
                throw new IllegalArgumentException(
                        "prompt '" + id + "' needs a value for variable '" + name + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholder names a prompt uses, sorted; lets callers check an override up front. */
    public Set<String> variables(String id) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template(id));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The template text of a prompt, as loaded. */
    public String template(String id) {
        Objects.requireNonNull(id, "id == null");
        return templates.computeIfAbsent(id, this::load);
    }

    /** Lower-case hex SHA-256 of the template's UTF-8 bytes. */
    public String sha256(String id) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(template(id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Prompt id to SHA-256, sorted by id. */
    public Map<String, String> hashes(Collection<String> ids) {
        Map<String, String> hashes = new TreeMap<>();
        for (String id : ids) {
            hashes.put(id, sha256(id));
        }
        return hashes;
    }

    private String load(String id) {
        if (!id.matches("[a-z0-9_]+(/[a-z0-9_-]+)*")) {
            throw new IllegalArgumentException("invalid prompt id: '" + id + "'");
        }
        try {
            if (overrides != null) {
                Path file = overrides.resolve(id + ".txt");
                if (Files.isRegularFile(file)) {
                    return Files.readString(file, StandardCharsets.UTF_8);
                }
            }
            try (InputStream in = PromptLibrary.class.getClassLoader()
                    .getResourceAsStream(RESOURCE_ROOT + id + ".txt")) {
                if (in == null) {
                    throw new IllegalArgumentException("unknown prompt id: '" + id + "'");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt '" + id + "'", e);
        }
    }
}
