package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.CannedHttp;
import io.github.auroraecho.testing.DiesAfter;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle's connection parameter in SSM Parameter Store, written by promote, against the emulator. */
@ExtendWith(EmulatorExtension.class)
class ConnectionParameterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAMETER = "/aurora-echo/staging/connection";

    private static ObjectNode secure(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        doc.put("manageMasterUserPassword", true);
        return doc;
    }

    private static JsonNode parameter(TestAccount aws) throws Exception {
        return JSON.readTree(aws.parameter(PARAMETER).orElseThrow(() -> new AssertionError("no parameter " + PARAMETER)));
    }

    @Test
    void promoteNamesTheServedCopyAndItsSecretAndMovesItEachNightWithoutRewritingIt(TestAccount aws) throws Exception {
        ObjectNode doc = secure(aws);

        Result first = aws.night(doc, Operation.NEW);

        DBCluster cluster = aws.cluster(first.copy()).orElseThrow();
        JsonNode value = parameter(aws);
        assertEquals("db.staging.example.com", value.get("host").asText());
        assertEquals(first.copy(), value.get("copy").asText());
        assertEquals(cluster.endpoint(), value.get("endpoint").asText());
        assertEquals(cluster.port().intValue(), value.get("port").asInt());
        assertEquals(cluster.engine(), value.get("engine").asText());
        assertNotNull(cluster.masterUserSecret());
        assertEquals(cluster.masterUserSecret().secretArn(), value.get("secretArn").asText());
        Instant promotedAt = Instant.parse(value.get("promotedAt").asText());
        assertTrue(!promotedAt.isAfter(aws.now()) && promotedAt.isAfter(aws.now().minusSeconds(60)), value.toString());
        assertEquals(PARAMETER, first.toJsonNode().get("parameter").asText(), first.toJson());

        aws.calls().clear();
        Result again = aws.run(Operation.PROMOTE, doc);
        assertEquals(Outcome.NOTHING_TO_DO, again.outcome(), again.message());
        assertEquals(1, aws.calls().count("GetParameter"));
        assertEquals(0, aws.calls().count("PutParameter"), "nothing to do sends no write");
        assertEquals(value, parameter(aws));
        assertEquals(PARAMETER, again.parameter());

        aws.advance(Duration.ofDays(1));
        Result second = aws.night(doc, Operation.NEW);
        JsonNode moved = parameter(aws);
        DBCluster next = aws.cluster(second.copy()).orElseThrow();
        assertNotEquals(first.copy(), second.copy());
        assertEquals(second.copy(), moved.get("copy").asText());
        assertEquals(next.masterUserSecret().secretArn(), moved.get("secretArn").asText());
        assertNotEquals(value.get("secretArn"), moved.get("secretArn"), "each copy has its own secret");
    }

    @Test
    void aPromotedCopyWithoutItsParameterGetsItFromThePromoteThatHasNothingElseToDo(TestAccount aws) throws Exception {
        ObjectNode doc = secure(aws);
        Result night = aws.night(doc, Operation.NEW);
        // As after an upgrade from a version without the parameter, or after someone deleted it.
        aws.engineClients().ssm().deleteParameter(r -> r.name(PARAMETER));

        Result reconciled = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.CHANGED, reconciled.outcome(), reconciled.message());
        assertEquals(night.copy(), parameter(aws).get("copy").asText());
        aws.calls().clear();
        assertEquals(Outcome.NOTHING_TO_DO, aws.run(Operation.PROMOTE, doc).outcome());
        assertEquals(0, aws.calls().count("PutParameter"));
    }

    @Test
    void aCopyWithoutAManagedSecretNamesNone(TestAccount aws) throws Exception {
        aws.production();
        aws.night(TestAccount.document("staging", "prod", aws.zone("example.com")), Operation.NEW);

        assertTrue(parameter(aws).path("secretArn").isMissingNode(), parameter(aws).toString());
    }

    @Test
    void aRunThatDiedBetweenTheDnsMoveAndTheWriteIsFinishedByTheNextRun(TestAccount aws) throws Exception {
        ObjectNode doc = secure(aws);
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);

        try (AwsClients dying = aws.clientsOverHttp(real -> new DiesAfter(real,
                request -> CannedHttp.body(request).contains("<ChangeBatch>")))) {
            Result died = aws.run(dying, Operation.PROMOTE, doc.toString());
            assertEquals(Outcome.FAILED, died.outcome(), died.message());
        }
        assertTrue(aws.parameter(PARAMETER).isEmpty(), "the run died after the DNS move, before the write");

        Result next = aws.run(Operation.PROMOTE, doc);

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(next.copy(), parameter(aws).get("copy").asText());
    }
}
