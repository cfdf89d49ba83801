package dev.llmeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's --help, as printed at picocli's default width of 80 columns. */
class HelpTextTest {

    /** A file name, path, URL or dotted class name: what must never be broken across two lines. */
    private static final Pattern NAME = Pattern.compile("[\\w:{}$<>*-]*[./][\\w./:{}$<>*-]*[\\w>}*]");

    private static List<CommandLine> commands() {
        CommandLine root = CommandLines.create(java.io.InputStream::nullInputStream, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), Path.of(""));
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            all.add(sub);
            all.addAll(sub.getSubcommands().values());
        }
        return all;
    }

    @Test
    void should_never_wrap_inside_a_file_name_path_or_class_name() {
        for (CommandLine command : commands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            CommandSpec spec = command.getCommandSpec();
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
            for (OptionSpec option : spec.options()) {
                texts.addAll(List.of(option.description()));
            }
            for (String text : texts) {
                Matcher name = NAME.matcher(text.replace("%n", " ").replace("%%", "%"));
                while (name.find()) {
                    String token = name.group();
                    assertThat(help.lines().anyMatch(line -> line.contains(token)))
                            .as("'%s' of %s --help is broken across lines:%n%s", token, spec.qualifiedName(), help)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void should_keep_every_line_within_80_columns() {
        for (CommandLine command : commands()) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help.lines()).as(command.getCommandSpec().qualifiedName())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }
    }

    @Test
    void should_list_every_subcommand_including_completion() {
        assertThat(commands().stream().filter(c -> c.getParent() == null || c.getParent().getParent() == null)
                .map(c -> c.getCommandSpec().name()))
                .containsExactly("llmeval", "run", "compare", "report", "metrics", "import", "review",
                        "generate-completion");
        assertThat(Stream.of(commands().get(0).getUsageMessage(CommandLine.Help.Ansi.OFF)))
                .allSatisfy(help -> assertThat(help).contains("generate-completion"));
    }
}
