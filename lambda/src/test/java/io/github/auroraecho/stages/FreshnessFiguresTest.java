package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lambda.EmfLine;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The freshness figures a run reports (and writes as metrics) are those of the copy DNS serves after it. */
@ExtendWith(EmulatorExtension.class)
class FreshnessFiguresTest {

    private static Copy copy(TestAccount aws, String name) {
        return aws.copies("staging").stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void assertAbout(Duration expected, long seconds, String what) {
        assertTrue(Math.abs(expected.toSeconds() - seconds) <= 5, what + ": expected about " + expected + ", got " + seconds + " s");
    }

    /** The run's metric line carries the ages of {@code served}, measured at {@code now}. */
    private static void assertFigures(Result result, Copy served, Instant now) {
        Freshness freshness = result.freshness();
        assertEquals(served.name(), freshness.servedCopy(), result.message());
        ObjectNode line = EmfLine.of(result, "dev", now, null);
        assertAbout(Duration.between(served.createdAt("staging"), now), line.get("ServedCopyAge").asLong(), "served copy age");
        Instant sourcePoint = TimeTag.SOURCE_POINT.of(served.clusterTags(), "staging").orElseThrow();
        assertAbout(Duration.between(sourcePoint, now), line.get("SourcePointAge").asLong(), "source point age");
    }

    @Test
    void modifyReportsTheServedCopyAndPromoteTheCopyItPromoted(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        Result first = aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        aws.snapshot("prod", "prod-2");
        Result second = aws.run(Operation.NEW, doc);

        Result modify = aws.run(Operation.MODIFY, doc);
        assertEquals(second.copy(), modify.copy(), "modify acted on the new copy");
        assertFigures(modify, copy(aws, first.copy()), aws.now());
        assertEquals(null, modify.freshness().newToModified(), "only promote reports the time from new to modified");

        Result promote = aws.run(Operation.PROMOTE, doc);
        Copy promoted = copy(aws, second.copy());
        assertFigures(promote, promoted, aws.now());
        Instant modifiedAt = TimeTag.MODIFIED.of(promoted.clusterTags(), "staging").orElseThrow();
        ObjectNode line = EmfLine.of(promote, "dev", aws.now(), null);
        assertAbout(Duration.between(promoted.createdAt("staging"), modifiedAt), line.get("NewToModified").asLong(),
                "new to modified");
        Instant newestSnapshot = aws.rds().describeDBClusterSnapshots(r -> r.dbClusterIdentifier("prod")).dbClusterSnapshots()
                .stream().map(s -> s.snapshotCreateTime()).max(Instant::compareTo).orElseThrow();
        assertEquals(TimeTag.value(newestSnapshot), promoted.clusterTags().get(TimeTag.SOURCE_POINT.key("staging")),
                "the source point is the time of the snapshot the copy was restored from");
    }
}
