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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    /** The run's log lines (stderr on Lambda) and its metric line, with the exception the handler ended in. */
    private record Invocation(List<JsonNode> log, List<JsonNode> metrics, RuntimeException error) {
        static Invocation of(Operation operation, String event, io.github.auroraecho.aws.AwsClients clients) throws IOException {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ByteArrayOutputStream metrics = new ByteArrayOutputStream();
            PrintStream previous = io.github.auroraecho.aws.Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
            RuntimeException error = null;
            try {
                StageHandlerProbe.invoke(operation, event, clients, new PrintStream(metrics, true, StandardCharsets.UTF_8),
                        "8f5e1c2a-request");
            } catch (RuntimeException e) {
                error = e;
            } finally {
                io.github.auroraecho.aws.Log.redirect(previous);
            }
            return new Invocation(lines(log), lines(metrics), error);
        }

        private static List<JsonNode> lines(ByteArrayOutputStream stream) throws IOException {
            List<JsonNode> nodes = new java.util.ArrayList<>();
            for (String line : stream.toString(StandardCharsets.UTF_8).lines().toList()) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }

        JsonNode event(String name) {
            return log.stream().filter(line -> name.equals(line.path("event").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " line in " + log));
        }
    }

    @Test
    void anAnswerTheCodeDoesNotExpectStillReportsTheStageTheCopyTheCallAndTheChanges(TestAccount aws) throws IOException {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        aws.run(Operation.NEW, doc);
        String copy = aws.run(Operation.MODIFY, doc).copy();

        Invocation run;
        try (io.github.auroraecho.aws.AwsClients clients = aws.clientsWith(
                new io.github.auroraecho.testing.AnswerWithout("ChangeResourceRecordSets", "ChangeInfo"))) {
            run = Invocation.of(Operation.PROMOTE, doc.toString(), clients);
        }

        StageFailedException failed = assertInstanceOf(StageFailedException.class, run.error());
        JsonNode record = JSON.readTree(failed.getMessage());
        assertEquals("failed", record.get("outcome").asText());
        assertEquals("promote", record.get("stage").asText());
        assertEquals(copy, record.get("copy").asText());
        assertTrue(record.get("changes").get(0).asText().startsWith("upsert CNAME"), record.toString());
        String message = record.get("message").asText();
        assertTrue(message.contains("NullPointerException") && message.contains("route53:ChangeResourceRecordSets"), message);
        assertInstanceOf(NullPointerException.class, failed.getCause());
        JsonNode trace = run.event("unexpected-error");
        assertEquals("ERROR", trace.get("level").asText());
        assertTrue(trace.get("stackTrace").asText().contains("at io.github.auroraecho.aws.Dns"), trace.toString());
        assertEquals("ERROR", run.event("decision").get("level").asText());
        assertEquals(1, run.metrics().get(0).get("Failed").asInt());
        assertEquals("ERROR", run.metrics().get(0).get("level").asText());
    }

    @Test
    void everyLineOfAnInvocationCarriesItsRequestId(TestAccount aws) throws IOException {
        aws.production();

        Invocation run = Invocation.of(Operation.NEW, TestAccount.document("staging", "prod", "Z1").toString(),
                aws.engineClients());

        assertEquals(null, run.error());
        assertTrue(run.log().size() >= 3, "two changes and a decision: " + run.log());
        for (JsonNode line : java.util.stream.Stream.concat(run.log().stream(), run.metrics().stream()).toList()) {
            assertEquals("8f5e1c2a-request", line.path("function_request_id").asText(), line.toString());
        }
        assertEquals("INFO", run.event("decision").get("level").asText());
    }

    @Test
    void aRefusedDocumentLogsAWarningAndCountsInTheMetrics(TestAccount aws) throws IOException {
        Invocation run = Invocation.of(Operation.NEW, "{\"managedName\": \"staging\"}", aws.engineClients());

        assertInstanceOf(InvalidInputException.class, run.error());
        JsonNode decision = run.event("decision");
        assertEquals("WARN", decision.get("level").asText());
        assertEquals("refused", decision.get("outcome").asText());
        assertEquals(run.error().getMessage(), decision.get("message").asText());
        assertEquals("8f5e1c2a-request", decision.get("function_request_id").asText());
        JsonNode metric = EmfSpec.check(run.metrics().get(0).toString(), EmfSpec.names());
        assertEquals(1, metric.get(EmfLine.REFUSED).asInt());
        assertEquals("new", metric.get("Stage").asText());
        assertEquals("WARN", metric.get("level").asText());
        assertEquals(List.of(), aws.calls().calls());
    }
}
