package dev.llmeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the package dependency directions of docs/architecture.md, by scanning main-source imports. */
class PackageDependencyTest {

    private static final String ROOT = "dev.llmeval";

    /** Which llmeval packages each package may import (the root package is always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of()),
            Map.entry("cli", Set.of("app")),
            Map.entry("app", Set.of("config", "dataset", "target", "judge", "metric", "gate", "report", "provider",
                    "traces", "redact", "review")),
            Map.entry("config", Set.of()),
            Map.entry("dataset", Set.of()),
            Map.entry("target", Set.of()),
            Map.entry("judge", Set.of()),
            Map.entry("metric", Set.of("judge")),
            Map.entry("gate", Set.of("metric")),
            Map.entry("report", Set.of("metric", "gate", "dataset")),
            Map.entry("provider", Set.of()),
            Map.entry("traces", Set.of("dataset")),
            Map.entry("redact", Set.of()),
            Map.entry("review", Set.of("dataset", "redact")));

    /** LangChain4j provider modules: only {@code provider} may touch them. */
    private static final List<String> PROVIDER_MODULES = List.of(
            "dev.langchain4j.model.openai", "dev.langchain4j.model.anthropic", "dev.langchain4j.model.ollama",
            "dev.langchain4j.model.googleai", "dev.langchain4j.model.azure", "dev.langchain4j.model.embedding.onnx");

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);

    @Test
    void should_keep_the_dependency_directions_in_main_sources() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                violations.addAll(violations(file.toString(), Files.readString(file)));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void should_report_a_forbidden_import_when_one_is_present() {
        String source = """
                package dev.llmeval.metric;
                import dev.llmeval.app.Evaluation;
                import dev.llmeval.judge.Judge;
                import dev.langchain4j.model.openai.OpenAiChatModel;
                class Bad {}
                """;

        List<String> violations = violations("Bad.java", source);

        assertThat(violations).containsExactly(
                "Bad.java: metric must not import dev.llmeval.app.Evaluation",
                "Bad.java: metric must not import dev.langchain4j.model.openai.OpenAiChatModel (provider modules belong to provider)");
    }

    @Test
    void should_allow_subpackages_the_rules_of_their_parent() {
        String source = """
                package dev.llmeval.metric.offline;
                import dev.llmeval.metric.Scoring;
                import dev.llmeval.gate.Gate;
                class Offline {}
                """;

        assertThat(violations("Offline.java", source))
                .containsExactly("Offline.java: metric must not import dev.llmeval.gate.Gate");
    }

    static List<String> violations(String name, String source) {
        Matcher pkg = PACKAGE.matcher(source);
        if (!pkg.find()) {
            return List.of(name + ": no package declaration");
        }
        String own = topLevel(pkg.group(1));
        List<String> violations = new ArrayList<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String imported = imports.group(1);
            if (imported.startsWith(ROOT + ".") && !isRootType(imported)) {
                String target = topLevel(imported);
                if (!target.equals(own) && !ALLOWED.getOrDefault(own, Set.of()).contains(target)) {
                    violations.add(name + ": " + label(own) + " must not import " + imported);
                }
            }
            if (!own.equals("provider") && PROVIDER_MODULES.stream().anyMatch(imported::startsWith)) {
                violations.add(name + ": " + label(own) + " must not import " + imported
                        + " (provider modules belong to provider)");
            }
        }
        return violations;
    }

    /** {@code dev.llmeval.metric.offline.X} → {@code metric}; {@code dev.llmeval} → "" (root). */
    private static String topLevel(String qualified) {
        if (qualified.equals(ROOT)) {
            return "";
        }
        String rest = qualified.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        return Character.isUpperCase(first.charAt(0)) ? "" : first;
    }

    private static boolean isRootType(String imported) {
        return topLevel(imported).isEmpty();
    }

    private static String label(String pkg) {
        return pkg.isEmpty() ? "the root package" : pkg;
    }
}
