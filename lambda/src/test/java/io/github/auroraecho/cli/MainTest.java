package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorExtension.class)
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One CLI run in-process, with the engine's clients pointed at the emulator. */
    private record Run(int exit, String out, String err, int clientsMade) {
        static Run of(TestAccount aws, String stdin, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger made = new AtomicInteger();
            Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    (region, endpoint) -> {
                        made.incrementAndGet();
                        return aws.engineClients();
                    }, Clock.systemUTC());
            int exit = main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), made.get());
        }
    }

    @Test
    void runsAStageFromStdinAndPrintsTheResult(TestAccount aws) throws IOException {
        aws.sourceCluster("prod");
        aws.snapshot("prod", "prod-1");
        String doc = TestAccount.document("staging", "prod", "Z1").put("region", "us-east-1").toString();

        Run run = Run.of(aws, doc, "new", "--event", "-");

        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals("new", result.get("stage").asText());
        assertEquals("changed", result.get("outcome").asText());
        assertEquals(1, aws.copies("staging").size());
    }

    @Test
    void aFailedRunExitsOne(TestAccount aws) {
        String doc = TestAccount.document("staging", "prod", "Z1").put("region", "us-east-1").toString();

        Run run = Run.of(aws, doc, "clone", "--event", "-");

        assertEquals(1, run.exit());
        assertTrue(run.out().contains("\"failed\""), run.out());
    }

    @Test
    void everyBadInputExitsTwoBeforeAnyAwsClientExists(TestAccount aws, @TempDir Path dir) throws IOException {
        aws.sourceCluster("prod");
        aws.snapshot("prod", "prod-1");
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
            Run run = Run.of(aws, good, args.toArray(String[]::new));
            assertEquals(2, run.exit(), args + ": " + run.err());
            assertEquals(0, run.clientsMade(), args.toString());
            assertTrue(run.err().startsWith("aurora-echo: ") || run.err().startsWith("usage"), run.err());
        }
        for (String document : List.of("{", "[]", "{\"managedName\": \"Bad--Name\"}", good.replace("db.r6g.large", "large"),
                "{\"managedName\": \"staging\", \"sourceClusterName\": \"prod\", \"unknown\": 1}")) {
            Run run = Run.of(aws, document, "new", "--event", "-");
            assertEquals(2, run.exit(), document + ": " + run.err());
            assertEquals(0, run.clientsMade());
        }
        assertEquals(List.of(), aws.calls().calls());
        assertEquals(before, aws.state());
    }

    @Test
    void helpExitsZero(TestAccount aws) {
        Run run = Run.of(aws, "", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("usage: aurora-echo"));
    }
}
