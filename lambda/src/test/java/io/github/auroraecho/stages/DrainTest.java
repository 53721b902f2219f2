package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A retired copy stays for its drain period after it was retired, whoever retired it. */
@ExtendWith(EmulatorExtension.class)
class DrainTest {

    private static ObjectNode twoNights(TestAccount aws, Result[] nights) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        nights[0] = aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        nights[1] = aws.night(doc, Operation.NEW);
        return doc;
    }

    @Test
    void aCopyRetiredAMinuteAgoStaysAndOnePastItsDrainGoes(TestAccount aws) {
        Result[] nights = new Result[2];
        ObjectNode doc = twoNights(aws, nights);
        Copy old = aws.copies("staging").stream().filter(c -> c.name().equals(nights[0].copy())).findFirst().orElseThrow();
        Instant retiredAt = TimeTag.RETIRED.of(old.clusterTags(), "staging").orElseThrow();
        assertTrue(Duration.between(retiredAt, aws.now()).abs().toSeconds() < 5,
                "promote records when it retired the copy it replaced: " + retiredAt);

        aws.advance(Duration.ofMinutes(1));
        aws.calls().clear();
        Result early = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.WAITING, early.outcome(), early.message());
        assertTrue(early.message().contains(nights[0].copy() + " until " + TimeTag.value(retiredAt.plus(Duration.ofMinutes(30)))),
                early.message());
        assertEquals(List.of(), aws.calls().mutatingCalls(), "nothing is deleted or re-tagged while it drains");
        assertTrue(aws.cluster(nights[0].copy()).isPresent());

        aws.advance(Duration.ofMinutes(30));
        Result late = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, late.outcome(), late.message());
        assertTrue(aws.cluster(nights[0].copy()).isEmpty());
        assertTrue(aws.cluster(nights[1].copy()).isPresent());
    }

    @Test
    void aCopyPastItsDrainLeavesItsFinalSnapshotWhenAsked(TestAccount aws) {
        // Also what the IAM proof needs: RDS makes the final snapshot with retire's permissions.
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com")).put("finalSnapshot", true);
        String first = aws.night(doc, Operation.NEW).copy();
        aws.advance(Duration.ofDays(1));
        aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofMinutes(31));

        Result retired = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, retired.outcome(), retired.message());
        assertTrue(aws.cluster(first).isEmpty());
        assertTrue(aws.rds().describeDBClusterSnapshots(r -> r.snapshotType("manual")).dbClusterSnapshots().stream()
                .anyMatch(s -> s.dbClusterSnapshotIdentifier().startsWith(first + "-final-")),
                "the final snapshot of " + first);
    }

    @Test
    void aLongerTtlMeansALongerDrain(TestAccount aws) {
        Result[] nights = new Result[2];
        ObjectNode doc = twoNights(aws, nights);
        doc.put("ttl", 3600);

        aws.advance(Duration.ofMinutes(61));
        assertEquals(Outcome.WAITING, aws.run(Operation.RETIRE, doc).outcome(), "twice the TTL is 120 minutes");
        aws.advance(Duration.ofMinutes(60));
        assertEquals(Outcome.CHANGED, aws.run(Operation.RETIRE, doc).outcome());
    }

    @Test
    void aCopyRetiredBy2xStartsItsDrainAtTheFirstRetireThatSeesIt(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));
        String key = Stage.tagKey("staging");
        // 2.x moves only the instance tag and records no time.
        aws.rds().restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("staging-2026-01-01")
                .snapshotIdentifier("prod-1").engine("aurora-postgresql").tags(Tag.builder().key(key).value("new").build()));
        aws.awaitAvailable("staging-2026-01-01");
        aws.rds().createDBInstance(r -> r.dbInstanceIdentifier("staging-2026-01-01").dbClusterIdentifier("staging-2026-01-01")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large")
                .tags(Tag.builder().key(key).value("retired").build()));

        Result first = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.WAITING, first.outcome(), first.message());
        Copy copy = aws.copies("staging").get(0);
        assertEquals("retired", copy.clusterTags().get(key), "the cluster says retired too, so new never resumes it");
        assertTrue(copy.clusterTags().containsKey(TimeTag.RETIRED.key("staging")));
        aws.advance(Duration.ofMinutes(29));
        assertEquals(Outcome.WAITING, aws.run(Operation.RETIRE, doc).outcome(), "the drain counts from the first run");
        aws.advance(Duration.ofMinutes(2));
        assertEquals(Outcome.CHANGED, aws.run(Operation.RETIRE, doc).outcome());
        assertTrue(aws.cluster("staging-2026-01-01").isEmpty());
    }
}
