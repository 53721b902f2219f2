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
        Map<String, String> tags = new java.util.HashMap<>(copy.clusterTags());
        java.time.Instant clonePoint = java.time.Instant.parse(tags.remove(TimeTag.SOURCE_POINT.key("analytics")));
        assertEquals(Map.of(KEY, "new"), tags);
        assertTrue(java.time.Duration.between(clonePoint, aws.now()).abs().toSeconds() < 5,
                "the clone point is the run's time: " + clonePoint);
        assertEquals(Map.of(KEY, "new"), copy.instances().get(0).tags());
        assertEquals(List.of(), aws.copies("other").stream().filter(c -> !c.name().equals("prod")).toList(),
                "the clone must not inherit another lifecycle's tag");
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
