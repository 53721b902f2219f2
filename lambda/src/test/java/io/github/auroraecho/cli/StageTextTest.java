package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.MarkdownPage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help and the stage table of docs/operations.md say the same, from one source ({@link StageText}). */
class StageTextTest {
    @Test
    void theDocsStageTableIsTheStageTextOfEveryStage() {
        List<List<String>> rows = MarkdownPage.read(MarkdownPage.REPOSITORY.resolve("docs/operations.md"))
                .table(List.of("stage", "acts on", "what it does"));
        List<List<String>> expected = Arrays.stream(Operation.values()).map(operation -> List.of(
                "`" + operation.cliName() + "`", StageText.of(operation).actsOn(), StageText.of(operation).does()))
                .toList();
        assertEquals(expected, rows, "docs/operations.md's stage table must show StageText; its rows would be:\n"
                + String.join("\n", expected.stream().map(row -> "| " + String.join(" | ", row) + " |").toList()));
    }

    @Test
    void helpShowsEachStagesTextAsPlainText() {
        for (Operation operation : Operation.values()) {
            StageText text = StageText.of(operation);
            String help = Help.of(operation.cliName());
            assertEquals(StageText.plain(text.does()), help.substring(help.indexOf("\n\n") + 2,
                    help.indexOf("\nActs on: ")).replace('\n', ' '), operation.cliName());
            assertTrue(help.contains("Acts on: " + StageText.plain(text.actsOn()) + ".\n"), help);
            assertTrue(Help.MAIN.contains("\n  " + String.format("%-8s", operation.cliName()) + "  " + text.summary()
                    + "\n"), Help.MAIN);
        }
        assertTrue(Help.MAIN.contains("modify    prepare the copy in stage new (roles, backups, deletion protection, "
                + "password, SQL)"), Help.MAIN);
        assertTrue(StageText.plain(StageText.of(Operation.RETIRE).does()).contains("drain period"));
        assertEquals("see secure copies, then", StageText.plain("see [secure copies](secure-copies.md), then"));
    }

    @Test
    void statusHelpDescribesTheTaggingApiListing() {
        assertTrue(Help.STATUS.contains("GetResources"), Help.STATUS);
        assertTrue(Help.STATUS.contains("DATA-AGE"), Help.STATUS);
    }
}
