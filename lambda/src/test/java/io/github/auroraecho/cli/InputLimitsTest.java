package io.github.auroraecho.cli;

import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line's limits: a name RDS would store otherwise, a repeated option, a document too big to read. */
@ExtendWith(EmulatorExtension.class)
class InputLimitsTest {

    private static void refused(TestAccount aws, String stdin, String expected, String... args) {
        CliRun run = CliRun.of(aws, stdin, args);
        assertEquals(2, run.exit(), List.of(args) + ": " + run.err());
        assertEquals("aurora-echo: " + expected, run.err().strip(), List.of(args).toString());
        assertEquals(0, run.clientsMade(), List.of(args).toString());
    }

    @Test
    void statusRefusesANameNoLifecycleCanHave(TestAccount aws) {
        refused(aws, "", "-n must be an RDS identifier (a letter first, then letters, digits and single hyphens, "
                + "no hyphen at the end), not \"bad name\"", "status", "-n", "bad name");
        refused(aws, "", "-n must be lower case, as RDS stores cluster names: use \"reporting\", not \"Reporting\"",
                "status", "-n", "Reporting");
        refused(aws, "", "-n is given twice", "status", "-n", "staging", "-n", "qa");
        assertEquals(List.of(), aws.calls().calls());
    }

    @Test
    void aStageRefusesTheDocumentGivenTwice(TestAccount aws) {
        refused(aws, "", "--event is given twice", "new", "--event", "a.json", "--event", "b.json");
        assertEquals(List.of(), aws.calls().calls());
    }

    @Test
    void aDocumentOverOneMebibyteIsRefusedBeforeItIsReadWhole(TestAccount aws, @TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // sparse: 200 MB that take no disk
        }
        refused(aws, "", "--event " + huge + " is larger than 1 MiB (1048576 bytes), the most a lifecycle document may be",
                "new", "--event", huge.toString());
        String padded = TestAccount.document("staging", "prod", "Z1") + " ".repeat(EventFile.MAX_BYTES);
        refused(aws, padded, "--event - is larger than 1 MiB (1048576 bytes), the most a lifecycle document may be",
                "modify", "--event", "-");
        assertEquals(List.of(), aws.calls().calls());
    }
}
