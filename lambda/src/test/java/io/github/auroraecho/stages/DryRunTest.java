package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.route53.model.RRType;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every stage with {@code dryRun: true} decides against the real state, reports outcome {@code planned}
 * with the changes it would make, and makes no mutating call: the recorder sees only Describe, List and
 * Get operations, and the account is the same afterwards.
 */
@ExtendWith(EmulatorExtension.class)
class DryRunTest {

    private static ObjectNode document(String zoneId) {
        ObjectNode document = TestAccount.document("staging", "prod", zoneId);
        document.putArray("iamRoleNames").addObject().put("name", "s3-import").put("featureName", "s3Import");
        return document;
    }

    private static void assertPlanned(TestAccount aws, Operation operation, ObjectNode document, String... expected) {
        String before = aws.state();
        aws.calls().clear();

        Result result = aws.run(operation, document.deepCopy().put("dryRun", true));

        assertEquals(Outcome.PLANNED, result.outcome(), result.message());
        assertEquals(List.of(), aws.calls().mutatingCalls(), "calls: " + aws.calls().calls());
        assertTrue(aws.calls().calls().size() > 0, "a dry run reads the real state");
        assertEquals(before, aws.state());
        assertEquals(expected.length, result.changes().size(), result.changes().toString());
        for (int i = 0; i < expected.length; i++) {
            assertTrue(result.changes().get(i).startsWith(expected[i]), result.changes().get(i));
        }
    }

    private static String sceneWithSource(TestAccount aws) {
        aws.production();
        String zoneId = aws.zone("example.com");
        aws.record(zoneId, "www.example.com", RRType.CNAME, "web.example.org");
        return zoneId;
    }

    @Test
    void newPlansTheRestoreAndTheInstance(TestAccount aws) {
        ObjectNode document = document(sceneWithSource(aws));
        assertPlanned(aws, Operation.NEW, document, "restore cluster staging-", "create instance staging-");
    }

    @Test
    void clonePlansTheCloneAndTheInstance(TestAccount aws) {
        ObjectNode document = document(sceneWithSource(aws));
        assertPlanned(aws, Operation.CLONE, document, "clone cluster prod to staging-", "create instance staging-");
    }

    @Test
    void modifyPlansTheRoleAndTheStageTags(TestAccount aws) {
        ObjectNode document = document(sceneWithSource(aws));
        assertEquals(Outcome.CHANGED, aws.run(Operation.NEW, document).outcome());
        assertPlanned(aws, Operation.MODIFY, document,
                "associate role arn:aws:iam::123456789012:role/s3-import", "tag cluster staging-", "tag instance staging-");
    }

    @Test
    void promotePlansTheRecordTheParameterAndTheStageTags(TestAccount aws) {
        ObjectNode document = document(sceneWithSource(aws));
        assertEquals(Outcome.CHANGED, aws.run(Operation.NEW, document).outcome());
        assertEquals(Outcome.CHANGED, aws.run(Operation.MODIFY, document).outcome());
        assertPlanned(aws, Operation.PROMOTE, document, "upsert CNAME db.staging.example.com -> staging-",
                "write parameter /aurora-echo/staging/connection -> staging-", "tag cluster staging-", "tag instance staging-");
    }

    @Test
    void retirePlansTheDeletes(TestAccount aws) {
        ObjectNode document = document(sceneWithSource(aws));
        aws.night(document, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        aws.night(document, Operation.NEW);
        aws.pastDrain();
        assertPlanned(aws, Operation.RETIRE, document, "delete instance staging-", "delete cluster staging-");
    }
}
