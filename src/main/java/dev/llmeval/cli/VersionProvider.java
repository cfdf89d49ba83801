package dev.llmeval.cli;

import dev.llmeval.app.ToolVersion;
import picocli.CommandLine;

/** Prints the version Maven stamped into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"llmeval " + ToolVersion.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
