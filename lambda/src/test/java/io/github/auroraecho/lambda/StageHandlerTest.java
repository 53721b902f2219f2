package io.github.auroraecho.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.stages.Result;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorExtension.class)
class StageHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode invoke(TestAccount aws, Operation operation, String event) throws IOException {
        return JSON.readTree(StageHandlerProbe.invoke(operation, event, aws.engineClients()));
    }

    @Test
    void takesTheDocumentItselfAndReturnsTheResult(TestAccount aws) throws IOException {
        aws.production();

        JsonNode result = invoke(aws, Operation.NEW, TestAccount.document("staging", "prod", "Z1").toString());

        assertEquals("changed", result.get("outcome").asText());
        assertEquals("staging", result.get("managedName").asText());
        assertEquals(result.get("copy").asText(), aws.copies("staging").get(0).name());
    }

    @Test
    void takesAnEventBridgeEventWithTheDocumentInDetail(TestAccount aws) throws IOException {
        String event = """
                {"version": "0", "id": "e1", "source": "aws.events", "detail-type": "Scheduled Event",
                 "account": "123456789012", "time": "2026-11-25T02:00:00Z", "region": "us-east-1",
                 "resources": [], "detail": {"managedName": "staging"}}""";

        JsonNode result = invoke(aws, Operation.MODIFY, event);

        assertEquals("nothing-to-do", result.get("outcome").asText());
    }

    @Test
    void aFailedRunIsALambdaErrorCarryingTheResult(TestAccount aws) {
        StageFailedException e = assertThrows(StageFailedException.class,
                () -> invoke(aws, Operation.CLONE, TestAccount.document("staging", "prod", "Z1").toString()));
        assertEquals(Outcome.FAILED, e.result().outcome());
    }

    @Test
    void badInputIsRejectedBeforeAnyAwsCall(TestAccount aws) {
        assertThrows(InvalidInputException.class, () -> invoke(aws, Operation.NEW, "{\"managedName\": \"staging\"}"));
        assertEquals(List.of(), aws.calls().calls());
    }

    @Test
    void eachRunLogsAnEmbeddedMetricLineWithTheServedCopysAge(TestAccount aws) throws Exception {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        Result night = aws.night(doc, Operation.NEW);
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        StageHandlerProbe.invoke(Operation.RETIRE, doc.toString(), aws.engineClients(),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one metric line a run");
        JsonNode line = EmfSpec.check(lines.get(0), EmfSpec.names());
        assertEquals("test", line.get("Environment").asText());
        assertEquals("retire", line.get("Stage").asText());
        assertEquals(1, line.get("NothingToDo").asInt());
        assertEquals(night.copy(), line.get("servedCopy").asText());
        assertTrue(line.get("ServedCopyAge").asDouble() < 60, "the copy was made seconds ago: " + line);
    }

    @Test
    void aFailedRunLogsItsMetricLineBeforeTheError(TestAccount aws) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertThrows(StageFailedException.class, () -> StageHandlerProbe.invoke(Operation.CLONE,
                TestAccount.document("staging", "prod", "Z1").toString(), aws.engineClients(),
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("\"Failed\":1"), log.toString(StandardCharsets.UTF_8));
    }
}
