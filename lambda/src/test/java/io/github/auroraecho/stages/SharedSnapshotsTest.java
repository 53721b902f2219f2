package io.github.auroraecho.stages;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Choosing a shared snapshot: by the source cluster's ARN, or by the snapshot's own. */
class SharedSnapshotsTest {
    private static final String PROD = "arn:aws:rds:eu-west-1:111122223333:cluster:prod";

    private static DBClusterSnapshot snapshot(String arn, String cluster, String status, String created) {
        return DBClusterSnapshot.builder().dbClusterSnapshotArn(arn).dbClusterIdentifier(cluster).status(status)
                .snapshotCreateTime(Instant.parse(created)).build();
    }

    private static final DBClusterSnapshot OLDER = snapshot("arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:prod-1",
            "prod", "available", "2026-11-24T01:00:00Z");
    private static final DBClusterSnapshot NEWER = snapshot("arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:prod-2",
            "prod", "available", "2026-11-25T01:00:00Z");
    private static final DBClusterSnapshot COPYING = snapshot("arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:prod-3",
            "prod", "copying", "2026-11-25T02:00:00Z");
    /** Same cluster name in another account, and in another region of the same account. */
    private static final DBClusterSnapshot OTHER_ACCOUNT = snapshot("arn:aws:rds:eu-west-1:444455556666:cluster-snapshot:prod-9",
            "prod", "available", "2026-11-25T03:00:00Z");
    private static final DBClusterSnapshot OTHER_REGION = snapshot("arn:aws:rds:us-east-1:111122223333:cluster-snapshot:prod-8",
            "prod", "available", "2026-11-25T03:00:00Z");
    private static final List<DBClusterSnapshot> SHARED = List.of(OLDER, NEWER, COPYING, OTHER_ACCOUNT, OTHER_REGION);

    @Test
    void theNewestAvailableSnapshotOfThatClusterInThatAccountAndRegion() {
        assertEquals(Optional.of(NEWER), SharedSnapshots.newestOf(SHARED, PROD));
    }

    @Test
    void noSnapshotOfAnotherCluster() {
        assertEquals(Optional.empty(), SharedSnapshots.newestOf(SHARED, "arn:aws:rds:eu-west-1:111122223333:cluster:billing"));
    }

    @Test
    void aNamedSnapshotOnlyWhenSharedAndAvailable() {
        assertEquals(Optional.of(OLDER), SharedSnapshots.byArn(SHARED, OLDER.dbClusterSnapshotArn()));
        assertEquals(Optional.empty(), SharedSnapshots.byArn(SHARED, COPYING.dbClusterSnapshotArn()));
        assertEquals(Optional.empty(), SharedSnapshots.byArn(SHARED, "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:gone"));
    }
}
