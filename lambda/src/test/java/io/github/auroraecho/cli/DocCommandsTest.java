package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.MarkdownPage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands the documentation shows are ones the CLI accepts: every {@code aurora-echo <command> ...} example
 * in README.md and docs/*.md parses with the CLI's own argument parsers (and its document, from a test-events/
 * file or from 2.x flags, with the Lambda's parser), and every 2.x flag the migration table names is in --help.
 */
class DocCommandsTest {
    /** "aurora-echo" as a command (alone, or a path ending in it), up to a redirection or pipe. */
    private static final Pattern COMMAND = Pattern.compile("(?:^|[\\s/])aurora-echo\\s+([^<>|]*)");
    private static final Pattern SHELL_COMMENT = Pattern.compile("(?:^|\\s)#.*");
    private static final Pattern FLAG_CELL = Pattern.compile("`(-[a-z-]+)`");

    @Test
    void everyDocumentedCommandParses() {
        List<String> refused = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (MarkdownPage page : MarkdownPage.documentation(MarkdownPage.REPOSITORY)) {
            for (String text : page.codeText()) {
                Matcher command = COMMAND.matcher(SHELL_COMMENT.matcher(text).replaceAll(""));
                while (command.find()) {
                    List<String> words = Arrays.stream(command.group(1).trim().split("\\s+"))
                            .filter(word -> !word.isEmpty()).toList();
                    if (words.isEmpty() || words.stream().anyMatch(word -> word.contains("["))) {
                        continue;
                    }
                    checked.add(words.get(0));
                    problem(words).ifPresent(problem -> refused.add(page.file().getFileName() + ": aurora-echo "
                            + String.join(" ", words) + ": " + problem));
                }
            }
        }
        assertEquals(List.of(), refused);
        assertTrue(checked.containsAll(List.of("new", "modify", "promote", "retire", "status")), checked.toString());
    }

    @Test
    void everyFlagOfTheMigrationTableIsInHelp() {
        MarkdownPage page = MarkdownPage.read(MarkdownPage.REPOSITORY.resolve("docs/migrating-from-2x.md"));
        String help = Help.of("new");
        List<String> flags = new ArrayList<>();
        for (String row : page.prose()) {
            String[] cells = row.split("\\|");
            if (row.startsWith("| `-") && cells.length > 2) {
                Matcher flag = FLAG_CELL.matcher(cells[1] + cells[2]);
                while (flag.find()) {
                    flags.add(flag.group(1));
                }
            }
        }
        List<String> missing = flags.stream()
                .filter(flag -> !Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(help).find())
                .toList();
        assertEquals(List.of(), missing, "flags in docs/migrating-from-2x.md that aurora-echo new --help lacks");
        assertTrue(flags.containsAll(List.of("-n", "-sub", "--ttl", "-a", "-i")), flags.toString());
    }

    /** Why the CLI would refuse these words, parsed as Main parses them without calling AWS. */
    private static Optional<String> problem(List<String> words) {
        String command = words.get(0);
        List<String> options = words.subList(1, words.size());
        try {
            if (command.equals("--help") || command.equals("--version")) {
                return Optional.empty();
            }
            if (options.contains("--help")) {
                Help.of(command);
                return Optional.empty();
            }
            switch (command) {
                case "status" -> StatusArguments.parse(options);
                case "demo" -> DemoArguments.parse(options);
                default -> {
                    Operation operation = Operation.fromCliName(command).orElseThrow(() -> Help.unknownCommand(command));
                    StageArguments parsed = StageArguments.parse(command, options);
                    document(parsed).ifPresent(json -> LifecycleConfig.parse(json, operation));
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            return Optional.of("cannot read " + e.getMessage());
        }
    }

    /** The document the command would run with, where the docs hold it: 2.x flags or a file of test-events/. */
    private static Optional<String> document(StageArguments parsed) throws IOException {
        if (parsed.flagsDocument() != null) {
            return Optional.of(parsed.flagsDocument());
        }
        if (parsed.event().startsWith("test-events/")) {
            return Optional.of(Files.readString(MarkdownPage.REPOSITORY.resolve(parsed.event())));
        }
        return Optional.empty();
    }
}
