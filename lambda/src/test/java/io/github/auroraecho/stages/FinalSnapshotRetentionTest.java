package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retire keeps its final snapshots for finalSnapshotRetentionDays, then deletes them: only its own. */
@ExtendWith(EmulatorExtension.class)
class FinalSnapshotRetentionTest {

    private static Set<String> manualSnapshots(TestAccount aws) {
        return aws.rds().describeDBClusterSnapshots(r -> r.snapshotType("manual")).dbClusterSnapshots().stream()
                .map(DBClusterSnapshot::dbClusterSnapshotIdentifier).collect(Collectors.toSet());
    }

    /** Two nights and a retire past the drain: the first copy is deleted with its final snapshot, whose name is returned. */
    private static String finalSnapshotOfTheFirstCopy(TestAccount aws, ObjectNode doc) {
        String first = aws.night(doc, Operation.NEW).copy();
        aws.advance(Duration.ofDays(1));
        aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofMinutes(31));
        Result retired = aws.run(Operation.RETIRE, doc);
        assertEquals(Outcome.CHANGED, retired.outcome(), retired.message());
        return manualSnapshots(aws).stream().filter(id -> id.startsWith(first + "-final-")).findFirst().orElseThrow();
    }

    @Test
    void theFinalSnapshotCarriesTheLifecyclesTagsAndGoesOnlyItAfterItsRetention(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"))
                .put("finalSnapshot", true).put("finalSnapshotRetentionDays", 7);
        String ours = finalSnapshotOfTheFirstCopy(aws, doc);
        DBClusterSnapshot snapshot = aws.rds().describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier(ours))
                .dbClusterSnapshots().get(0);
        assertTrue(snapshot.tagList().contains(Tag.builder().key("aurora-echo:staging:stage").value("retired").build()),
                "the copy copies its tags to its snapshots: " + snapshot.tagList());

        // Look-alikes: the right name without the tag, the tag without the name, production's own.
        Tag stagingTag = Tag.builder().key("aurora-echo:staging:stage").value("retired").build();
        aws.rds().createDBCluster(r -> r.dbClusterIdentifier("staging-2020-01-01").engine("aurora-postgresql")
                .masterUsername("admin").masterUserPassword("hand-made-secret"));
        String untagged = ManualSnapshot.finalName("staging-2020-01-01", Instant.parse("2020-01-02T00:00:00Z"));
        aws.snapshot("staging-2020-01-01", untagged);
        aws.rds().createDBClusterSnapshot(r -> r.dbClusterIdentifier("staging-2020-01-01")
                .dbClusterSnapshotIdentifier("staging-kept-by-hand").tags(stagingTag));
        String productionsFinal = ManualSnapshot.finalName("prod", Instant.parse("2020-01-02T00:00:00Z"));
        aws.rds().createDBClusterSnapshot(r -> r.dbClusterIdentifier("prod")
                .dbClusterSnapshotIdentifier(productionsFinal).tags(stagingTag));
        aws.rds().createDBClusterSnapshot(r -> r.dbClusterIdentifier("prod")
                .dbClusterSnapshotIdentifier(untagged.replace("2020-01-01", "2020-01-03")).tags(stagingTag));
        aws.snapshot("prod", "prod-manual");
        Set<String> others = manualSnapshots(aws);
        others.remove(ours);

        // RDS times the snapshot when it was taken: the nights' clock is a day and the drain ahead of the emulator's.
        aws.advance(Duration.ofDays(5));
        aws.calls().clear();
        Result early = aws.run(Operation.RETIRE, doc);
        assertEquals(Outcome.NOTHING_TO_DO, early.outcome(), early.message());
        assertTrue(manualSnapshots(aws).contains(ours), "kept within its 7 days");
        assertEquals(List.of(), aws.calls().mutatingCalls());

        aws.advance(Duration.ofDays(2));
        Result late = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, late.outcome(), late.message());
        assertTrue(late.message().contains("deleted final snapshots older than 7 days (finalSnapshotRetentionDays): "
                + ours), late.message());
        assertFalse(manualSnapshots(aws).contains(ours));
        assertEquals(others, manualSnapshots(aws), "every other snapshot is left as it was");

        aws.calls().clear();
        Result again = aws.run(Operation.RETIRE, doc);
        assertEquals(Outcome.NOTHING_TO_DO, again.outcome(), again.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }

    @Test
    void finalSnapshotsWithoutARetentionAreKeptAndRetireWarnsOfTheQuota(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com")).put("finalSnapshot", true);
        String ours = finalSnapshotOfTheFirstCopy(aws, doc);
        aws.advance(Duration.ofDays(400));

        Result result = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.NOTHING_TO_DO, result.outcome(), result.message());
        assertTrue(result.message().contains("quota of 100 manual cluster snapshots")
                && result.message().contains("set finalSnapshotRetentionDays"), result.message());
        assertTrue(manualSnapshots(aws).contains(ours));
    }
}
