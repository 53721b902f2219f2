package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorExtension.class)
class CloneStageTest {
    private static final String KEY = Stage.tagKey("analytics");

    @Test
    void clonesCopyOnWriteWithOurTagsOnClusterAndInstanceAndNoneOfTheSources(TestAccount aws) {
        aws.sourceCluster("prod", Tag.builder().key("environment").value("production").build(),
                Tag.builder().key(Stage.tagKey("other")).value("promoted").build());

        Result result = aws.run(Operation.CLONE, TestAccount.document("analytics", "prod", "Z1"));

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertTrue(result.message().contains("copy-on-write clone of prod"), result.message());
        assertEquals(1, aws.calls().count("RestoreDBClusterToPointInTime"));
        Copy copy = aws.copies("analytics").get(0);
        assertEquals("aurora-postgresql", copy.engine());
        Map<String, String> expected = Map.of(KEY, "new", "aurora-echo:lifecycle", "analytics", "aurora-echo:stage", "new",
                "aurora-echo:environment", "test");
        Map<String, String> tags = new java.util.HashMap<>(copy.clusterTags());
        java.time.Instant clonePoint = java.time.Instant.parse(tags.remove(TimeTag.SOURCE_POINT.key("analytics")));
        assertEquals(expected, tags);
        assertTrue(java.time.Duration.between(clonePoint, aws.now()).abs().toSeconds() < 5,
                "the clone point is the source's latest restorable time, here the run's: " + clonePoint);
        assertEquals(expected, copy.instances().get(0).tags());
        assertEquals(List.of(), aws.copies("other").stream().filter(c -> !c.name().equals("prod")).toList(),
                "the clone must not inherit another lifecycle's tag");
    }

    /** RDS's time, not the run's clock: a clock that runs ahead (the demo's nights) must not age the data twice. */
    @Test
    void theClonePointIsTheSourcesLatestRestorableTimeAsRdsReportsIt(TestAccount aws) {
        aws.sourceCluster("prod");
        aws.advance(java.time.Duration.ofDays(1));
        java.time.Instant before = aws.cluster("prod").orElseThrow().latestRestorableTime();

        Result result = aws.run(Operation.CLONE, TestAccount.document("analytics", "prod", "Z1"));

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        java.time.Instant clonePoint = TimeTag.SOURCE_POINT.of(aws.copies("analytics").get(0).clusterTags(), "analytics")
                .orElseThrow();
        assertTrue(!clonePoint.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                        && java.time.Duration.between(before, clonePoint).toSeconds() < 5,
                "the clone point " + clonePoint + " is the source's LatestRestorableTime " + before + ", not the run's clock "
                        + aws.now());
    }

    @Test
    void aCloneIsEncryptedWithTheConfiguredKey(TestAccount aws) {
        aws.sourceCluster("prod");
        var doc = TestAccount.document("analytics", "prod", "Z1");
        doc.put("kmsKeyId", "alias/analytics-copies");

        Result result = aws.run(Operation.CLONE, doc);

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertEquals("alias/analytics-copies", aws.cluster(result.copy()).orElseThrow().kmsKeyId());
    }

    @Test
    void aMissingSourceIsAClearErrorThatChangesNothing(TestAccount aws) {
        String before = aws.state();

        Result result = aws.run(Operation.CLONE, TestAccount.document("analytics", "prod", "Z1"));

        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals("source cluster prod does not exist", result.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(before, aws.state());
    }
}
