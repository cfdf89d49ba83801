package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/llmeval's first-run build, with stand-ins for mvn and java on the PATH: it says how long the
 * build takes, shows each step (and a dot per 20 downloads) as Maven goes, and how long it took;
 * a failed build prints Maven's log and exits 70.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {

    /** A Maven stand-in that prints what Maven prints on a first build and leaves a jar behind. */
    private static final String MVN = """
            #!/usr/bin/env bash
            root="$(dirname "$3")"
            [ -n "${FAIL_BUILD:-}" ] && { echo "[ERROR] COMPILATION ERROR : broken"; exit 1; }
            for i in $(seq 1 45); do echo "[INFO] Downloading from central: https://repo/x$i.jar"; done
            echo "[INFO] --- maven-resources-plugin:2.6:resources (default-resources) @ llmeval ---"
            echo "[INFO] --- maven-compiler-plugin:3.14.0:compile (default-compile) @ llmeval ---"
            echo "[INFO] --- maven-jar-plugin:3.4.2:jar (default-jar) @ llmeval ---"
            echo "[INFO] --- maven-dependency-plugin:3.8.1:copy-dependencies (copy-runtime-dependencies) @ llmeval ---"
            mkdir -p "$root/target/lib" && touch "$root/target/llmeval.jar"
            echo "[INFO] BUILD SUCCESS"
            """;

    private static final String JAVA = """
            #!/usr/bin/env bash
            echo "java $*"
            """;

    @TempDir
    Path dir;

    private Path root;
    private Path fakes;

    @BeforeEach
    void copyTheLauncher() throws IOException {
        root = dir.resolve("llmeval");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("src/main/java"));
        Files.writeString(root.resolve("src/main/java/A.java"), "class A {}");
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.copy(Path.of("bin/llmeval"), root.resolve("bin/llmeval"));
        fakes = dir.resolve("fakes");
        Files.createDirectories(fakes);
        executable(Files.writeString(fakes.resolve("mvn"), MVN));
        executable(Files.writeString(fakes.resolve("java"), JAVA));
        executable(root.resolve("bin/llmeval"));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int code, String out, String err) {}

    private Result launch(String... env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("bin/llmeval").toString(), "--version"));
        builder.environment().put("PATH", fakes + ":" + System.getenv("PATH"));
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void should_say_how_long_the_first_build_takes_show_each_step_and_then_run() throws Exception {
        Result first = launch();

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).startsWith("llmeval: first run, building " + root.resolve("target/llmeval.jar")
                + ": about a minute, a few more while Maven downloads the dependencies (about 200 MB, once);"
                + " later runs start at once\n");
        assertThat(first.err()).containsPattern("llmeval: build:\\.\\.\\. resources compile jar copy-dependencies - done"
                + " in \\d+ s\\n");
        assertThat(first.out()).isEqualTo("java -jar " + root.resolve("target/llmeval.jar") + " --version\n");
    }

    @Test
    void should_build_again_quietly_only_when_sources_changed() throws Exception {
        launch();
        Files.setLastModifiedTime(root.resolve("target/llmeval.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        Result unchanged = launch();
        Files.setLastModifiedTime(root.resolve("src/main/java/A.java"), FileTime.from(Instant.now().plusSeconds(120)));
        Result changed = launch();

        assertThat(unchanged.err()).isEmpty();
        assertThat(changed.err()).startsWith("llmeval: sources changed, building " + root.resolve("target/llmeval.jar")
                + " again (about half a minute)\n");
    }

    @Test
    void should_print_mavens_log_and_exit_70_when_the_build_fails() throws Exception {
        Result failed = launch("FAIL_BUILD", "1");

        assertThat(failed.code()).isEqualTo(70);
        assertThat(failed.err()).contains("[ERROR] COMPILATION ERROR : broken").endsWith("llmeval: build failed (log above)\n");
        assertThat(failed.out()).isEmpty();
    }
}
