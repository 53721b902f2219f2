package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorExtension.class)
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsAStageFromStdinAndPrintsTheResult(TestAccount aws) throws IOException {
        aws.production();
        String doc = TestAccount.document("staging", "prod", "Z1").put("region", "us-east-1").toString();

        CliRun run = CliRun.of(aws, doc, "new", "--event", "-");

        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("new", result.get("stage").asText());
        assertEquals("changed", result.get("outcome").asText());
        assertEquals(1, aws.copies("staging").size());
    }

    @Test
    void aFailedRunExitsOne(TestAccount aws) {
        String doc = TestAccount.document("staging", "prod", "Z1").put("region", "us-east-1").toString();

        CliRun run = CliRun.of(aws, doc, "clone", "--event", "-");

        assertEquals(1, run.exit());
        assertTrue(run.out().contains("\"failed\""), run.out());
    }

    @Test
    void everyBadInputExitsTwoBeforeAnyAwsClientExists(TestAccount aws, @TempDir Path dir) throws IOException {
        aws.production();
        String before = aws.state();
        Path badFile = Files.writeString(dir.resolve("bad.json"), "{\"managedName\": \"staging\", \"ttl\": -1}");
        String good = TestAccount.document("staging", "prod", "Z1").put("region", "us-east-1").toString();
        List<List<String>> cases = List.of(
                List.of(),
                List.of("frobnicate", "--event", "-"),
                List.of("new"),
                List.of("new", "--event"),
                List.of("new", "--event", dir.resolve("missing.json").toString()),
                List.of("new", "--event", "-", "--bogus"),
                List.of("new", "--event", "-", "--endpoint", "ftp://x"),
                List.of("promote", "--event", badFile.toString()));
        for (List<String> args : cases) {
            CliRun run = CliRun.of(aws, good, args.toArray(String[]::new));
            assertEquals(2, run.exit(), args + ": " + run.err());
            assertEquals(0, run.clientsMade(), args.toString());
            assertTrue(run.err().startsWith("aurora-echo: ") || run.err().startsWith("usage"), run.err());
        }
        for (String document : List.of("{", "[]", "{\"managedName\": \"Bad--Name\"}", good.replace("db.r6g.large", "large"),
                "{\"managedName\": \"staging\", \"sourceClusterName\": \"prod\", \"unknown\": 1}")) {
            CliRun run = CliRun.of(aws, document, "new", "--event", "-");
            assertEquals(2, run.exit(), document + ": " + run.err());
            assertEquals(0, run.clientsMade());
        }
        assertEquals(List.of(), aws.calls().calls());
        assertEquals(before, aws.state());
    }

    @Test
    void helpExitsZero(TestAccount aws) {
        CliRun run = CliRun.of(aws, "", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("usage: aurora-echo"));
    }
}
