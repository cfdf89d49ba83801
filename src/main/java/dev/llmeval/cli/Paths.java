package dev.llmeval.cli;

import java.nio.file.Path;

/** Relative paths of options are relative to the working directory; kept as typed when that is the JVM's own. */
final class Paths {

    private Paths() {}

    static Path resolve(Path workingDir, Path path) {
        if (path == null || path.isAbsolute() || workingDir.equals(Path.of("").toAbsolutePath())) {
            return path;
        }
        return workingDir.resolve(path).normalize();
    }
}
