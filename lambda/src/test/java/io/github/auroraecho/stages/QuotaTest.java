package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An RDS quota reached is reported in words: which quota, and what to do (the emulator made to refuse as RDS does). */
@ExtendWith(EmulatorExtension.class)
class QuotaTest {
    private static final String WAYS_OUT = "or request an increase of the quota in Service Quotas";

    @Test
    void aRestorePastTheClusterQuotaNamesItAndChangesNothing(TestAccount aws) {
        aws.production();
        aws.quotas("{\"clusters\": 1}");

        Result result = aws.run(Operation.NEW, TestAccount.document("staging", "prod", "Z1"));

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("quota \"DB clusters\" in this region (40 by default; "
                + "DBClusterQuotaExceededFault): delete DB clusters nobody uses, " + WAYS_OUT),
                result.message());
        assertEquals(List.of(), aws.copies("staging"));
    }

    @Test
    void anInstancePastTheInstanceQuotaNamesItAndTheCopyWaitsForRoom(TestAccount aws) {
        aws.production();
        aws.quotas("{\"instances\": 1}");
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");

        Result result = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("quota \"DB instances\" in this region (40 by default; "
                + "InstanceQuotaExceeded): delete DB instances nobody uses, " + WAYS_OUT),
                result.message());
        aws.quotas("{}");
        aws.run(Operation.MODIFY, doc);
        assertEquals(1, aws.copies("staging").get(0).instances().size(), "modify creates it once there is room");
    }

    @Test
    void aFinalSnapshotPastTheSnapshotQuotaNamesItAndKeepsTheCopy(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        doc.put("finalSnapshot", true);
        aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        aws.night(doc, Operation.NEW);
        aws.pastDrain();
        aws.quotas("{\"manualClusterSnapshots\": 1}");

        Result retire = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.FAILED, retire.outcome(), retire.message());
        assertTrue(retire.message().contains("RDS refused the final snapshot of "), retire.message());
        assertTrue(retire.message().contains("quota \"Manual DB cluster snapshots\" in this region (100 by default; "
                + "SnapshotQuotaExceeded): delete manual DB cluster snapshots nobody needs"), retire.message());
        assertEquals(2, aws.copies("staging").size(), "the retired copy is kept");
    }
}
