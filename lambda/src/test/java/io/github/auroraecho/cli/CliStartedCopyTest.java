package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A copy made by hand on a bad night ({@code new --event doc.json --environment NAME}) is the environment's like any
 * other: its functions modify, promote and retire it. Their calls are recorded for the IAM proof, which judges them
 * against the deployed roles (a copy without the environment's tag would be denied there).
 */
@ExtendWith(EmulatorExtension.class)
class CliStartedCopyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnvironmentsFunctionsFinishACopyTheCommandLineStarted(TestAccount aws) throws IOException {
        ObjectNode doc = scene(aws);
        Path file = file(doc);

        for (int night = 1; night <= 2; night++) {
            CliRun made = aws.cli(Operation.NEW, doc.toString(), "new", "--event", file.toString(),
                    "--environment", "test");
            assertEquals(0, made.exit(), made.err());
            assertEquals(Outcome.CHANGED, aws.run(Operation.MODIFY, doc).outcome());
            assertEquals(Outcome.CHANGED, aws.run(Operation.PROMOTE, doc).outcome());
            aws.advance(Duration.ofDays(1));
        }
        String first = aws.copies("handmade").stream().map(c -> c.name()).sorted().findFirst().orElseThrow();
        aws.pastDrain();
        assertEquals(Outcome.CHANGED, aws.run(Operation.RETIRE, doc).outcome());

        assertTrue(aws.cluster(first).isEmpty(), "retire deleted the first hand-made copy");
        CliRun status = CliRun.of(aws, "", "status", "-n", "handmade", "--json", "-r", "us-east-1");
        assertEquals(0, status.exit(), status.err());
        JsonNode copies = JSON.readTree(status.out()).get("copies");
        assertEquals(1, copies.size(), status.out());
        assertEquals("test", copies.get(0).get("environment").asText());
    }

    @Test
    void noCopyIsMadeThatTheLifecyclesEnvironmentCouldNotManage(TestAccount aws) throws IOException {
        ObjectNode doc = scene(aws);
        Path file = file(doc);
        CliRun prod = CliRun.of(aws, "", "new", "--event", file.toString(), "--environment", "prod");
        assertEquals(0, prod.exit(), prod.err());
        aws.advance(Duration.ofDays(1));

        CliRun other = CliRun.of(aws, "", "new", "--event", file.toString(), "--environment", "test");

        assertEquals(1, other.exit(), other.out());
        JsonNode result = JSON.readTree(other.out());
        assertEquals("failed", result.get("outcome").asText());
        assertTrue(result.get("message").asText().contains("belong to environment prod"), other.out());
        assertTrue(result.get("message").asText().contains("--environment prod"), other.out());
        assertEquals(1, aws.copies("handmade").size(), "nothing was created");
        assertEquals(List.of(), aws.copies("handmade").stream().filter(c -> !"prod".equals(
                c.clusterTags().get("aurora-echo:environment"))).toList());
    }

    /** Production with a snapshot, and the document of a lifecycle "handmade" that it serves. */
    private static ObjectNode scene(TestAccount aws) {
        aws.production();
        return TestAccount.document("handmade", "prod", aws.zone("example.com")).put("region", "us-east-1");
    }

    private static Path file(ObjectNode doc) throws IOException {
        Path file = Files.createTempFile("handmade", ".json");
        Files.writeString(file, doc.toString());
        return file;
    }

    @Test
    void anEnvironmentNameThatCannotBeOneIsRefusedBeforeAnyCall(TestAccount aws) {
        CliRun run = CliRun.of(aws, "", "new", "--event", "-", "--environment", "Prod");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--environment takes the name of a deployed environment"), run.err());
        assertEquals(0, run.clientsMade());
    }
}
