package dev.llmeval.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaTargetTest {

    /** Its constructor fails. */
    public static final class ExplodingTarget implements RagTarget {
        public ExplodingTarget() {
            throw new IllegalStateException("index file missing");
        }

        @Override
        public TargetAnswer answer(TargetQuestion question) {
            return null;
        }
    }

    /** Has no no-arg constructor. */
    public static final class ConfiguredTarget implements RagTarget {
        public ConfiguredTarget(String url) {}

        @Override
        public TargetAnswer answer(TargetQuestion question) {
            return null;
        }
    }

    @TempDir
    Path dir;

    @Test
    void should_load_a_target_class_from_the_application_class_path() throws Exception {
        try (RagTarget target = JavaTargets.load(EchoTarget.class.getName(), List.of())) {
            TargetAnswer answer = target.answer(new TargetQuestion("q1", "hi", Map.of("reference", "hello")));

            assertThat(answer).isEqualTo(new TargetAnswer("echo: hi", List.of("ref: hello"), List.of("q1")));
        }
    }

    @Test
    void should_load_a_target_class_from_a_directory_on_the_target_class_path() throws Exception {
        Path source = dir.resolve("src/demo/ShoutTarget.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;
                import dev.llmeval.target.*;
                import java.util.List;
                public class ShoutTarget implements RagTarget {
                    public TargetAnswer answer(TargetQuestion q) {
                        return new TargetAnswer(q.userInput().toUpperCase(), List.of("loud"));
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).isZero();

        RagTarget target = JavaTargets.load("demo.ShoutTarget", List.of(classes));

        assertThat(target.answer(new TargetQuestion("q1", "quiet please")).response()).isEqualTo("QUIET PLEASE");
        assertThatThrownBy(() -> JavaTargets.load("demo.ShoutTarget", List.of()))
                .hasMessageContaining("not found");
    }

    @Test
    void should_fail_clearly_when_the_class_is_not_found() {
        assertThatThrownBy(() -> JavaTargets.load("com.example.Missing", List.of(dir)))
                .isInstanceOf(LlmevalException.class)
                .hasMessage("target class com.example.Missing not found on the target class path [" + dir + "]")
                .extracting(e -> ((LlmevalException) e).status()).isEqualTo(ExitStatus.TARGET_FAILED);
    }

    @Test
    void should_fail_clearly_when_a_class_path_entry_does_not_exist() {
        Path missing = dir.resolve("nope.jar");

        assertThatThrownBy(() -> JavaTargets.load("demo.Any", List.of(missing)))
                .hasMessage("target class path entry " + missing + " does not exist");
    }

    @Test
    void should_fail_clearly_when_the_class_is_not_a_rag_target() {
        assertThatThrownBy(() -> JavaTargets.load("java.lang.StringBuilder", List.of()))
                .hasMessage("target class java.lang.StringBuilder does not implement dev.llmeval.target.RagTarget");
    }

    @Test
    void should_fail_clearly_when_the_class_has_no_public_no_arg_constructor() {
        assertThatThrownBy(() -> JavaTargets.load(ConfiguredTarget.class.getName(), List.of()))
                .hasMessage("target class " + ConfiguredTarget.class.getName() + " has no public no-arg constructor");
    }

    @Test
    void should_fail_clearly_when_the_constructor_throws() {
        assertThatThrownBy(() -> JavaTargets.load(ExplodingTarget.class.getName(), List.of()))
                .hasMessage("target class " + ExplodingTarget.class.getName()
                        + " constructor failed: index file missing");
    }
}
