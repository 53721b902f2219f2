package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** New copies from snapshots that production's account shares with this one, and restores into another key. */
@ExtendWith(EmulatorExtension.class)
class SharedSourceTest {
    private static final String PRODUCTION_ACCOUNT = "111122223333";
    private static final String PROD_ARN = "arn:aws:rds:us-east-1:" + PRODUCTION_ACCOUNT + ":cluster:prod";
    private static final String SNAPSHOT_ARN = "arn:aws:rds:us-east-1:" + PRODUCTION_ACCOUNT + ":cluster-snapshot:";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:alias/staging-copies";

    /** Production's account: a cluster with two snapshots shared with the test account and a newer one not shared. */
    private static void production(TestAccount aws) {
        try (RdsClient production = aws.rdsOfAccount(PRODUCTION_ACCOUNT)) {
            production.createDBCluster(r -> r.dbClusterIdentifier("prod").engine("aurora-postgresql").engineVersion("15.4")
                    .masterUsername("admin").masterUserPassword("production-secret"));
            for (String snapshot : List.of("prod-1", "prod-2", "prod-3")) {
                production.createDBClusterSnapshot(r -> r.dbClusterIdentifier("prod").dbClusterSnapshotIdentifier(snapshot));
            }
            for (String snapshot : List.of("prod-1", "prod-2")) {
                production.modifyDBClusterSnapshotAttribute(r -> r.dbClusterSnapshotIdentifier(snapshot)
                        .attributeName("restore").valuesToAdd("123456789012"));
            }
        }
    }

    private static ObjectNode document(String zone) {
        ObjectNode doc = TestAccount.document("staging", "unused", zone);
        doc.remove("sourceClusterName");
        doc.put("kmsKeyId", KEY);
        return doc;
    }

    @Test
    void aClusterArnRestoresItsNewestSharedSnapshotByArnIntoTheConfiguredKey(TestAccount aws) {
        production(aws);
        ObjectNode doc = document("Z1");
        doc.put("sourceClusterName", PROD_ARN);

        Result created = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.CHANGED, created.outcome(), created.message());
        assertTrue(created.message().contains(SNAPSHOT_ARN + "prod-2"), created.message());
        assertTrue(created.changes().get(0).contains("from snapshot " + SNAPSHOT_ARN + "prod-2, encrypted with KMS key "
                + KEY), created.changes().toString());
        DBCluster copy = aws.cluster(created.copy()).orElseThrow();
        assertEquals(KEY, copy.kmsKeyId());
        assertEquals("aurora-postgresql", copy.engine());
    }

    @Test
    void anEncryptedSharedSnapshotIsRestoredIntoTheConfiguredKey(TestAccount aws) {
        try (RdsClient production = aws.rdsOfAccount(PRODUCTION_ACCOUNT)) {
            production.createDBCluster(r -> r.dbClusterIdentifier("prod").engine("aurora-postgresql").engineVersion("15.4")
                    .masterUsername("admin").masterUserPassword("production-secret").storageEncrypted(true)
                    .kmsKeyId("arn:aws:kms:us-east-1:" + PRODUCTION_ACCOUNT + ":key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"));
            production.createDBClusterSnapshot(r -> r.dbClusterIdentifier("prod").dbClusterSnapshotIdentifier("prod-1"));
            production.modifyDBClusterSnapshotAttribute(r -> r.dbClusterSnapshotIdentifier("prod-1")
                    .attributeName("restore").valuesToAdd("123456789012"));
        }
        ObjectNode doc = document("Z1");
        doc.put("sourceSnapshotArn", SNAPSHOT_ARN + "prod-1");

        Result created = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.CHANGED, created.outcome(), created.message());
        assertEquals(KEY, aws.cluster(created.copy()).orElseThrow().kmsKeyId());
    }

    @Test
    void aSnapshotArnRestoresThatSnapshot(TestAccount aws) {
        production(aws);
        ObjectNode doc = document("Z1");
        doc.put("sourceSnapshotArn", SNAPSHOT_ARN + "prod-1");

        Result created = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.CHANGED, created.outcome(), created.message());
        assertTrue(created.message().contains(SNAPSHOT_ARN + "prod-1"), created.message());
    }

    @Test
    void aSnapshotThatIsNotSharedIsAClearErrorThatChangesNothing(TestAccount aws) {
        production(aws);
        ObjectNode doc = document("Z1");
        doc.put("sourceSnapshotArn", SNAPSHOT_ARN + "prod-3");
        aws.calls().clear();

        Result refused = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.FAILED, refused.outcome());
        assertTrue(refused.message().contains("is not shared with this account"), refused.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }
}
