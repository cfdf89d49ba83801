package dev.llmeval.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Writes golden-set files for tests and reads the one-line error of a bad one. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset read(Path file) {
        return DatasetReader.read(file, null, Map.of());
    }

    /** Asserts that reading fails with INVALID_INPUT and returns the message. */
    static String invalidInputMessage(ThrowingCallable read) {
        String[] message = new String[1];
        assertThatThrownBy(read)
                .isInstanceOf(LlmevalException.class)
                .satisfies(e -> {
                    LlmevalException error = (LlmevalException) e;
                    assertThat(error.status()).isEqualTo(ExitStatus.INVALID_INPUT);
                    assertThat(error.getMessage()).doesNotContain("\n");
                    message[0] = error.getMessage();
                });
        return message[0];
    }
}
