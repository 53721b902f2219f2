package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyName;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.MemoryAccount;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When new makes a copy, resumes one, or refuses, against an in-memory RDS (NewStageTest has the RDS requests). */
class NewStageInMemoryTest {
    private static final String KEY = Stage.tagKey("staging");
    private final MemoryAccount aws = new MemoryAccount();

    private static ObjectNode document() {
        return TestAccount.document("staging", "prod", "Z1");
    }

    @Test
    void aSecondRunTheSameDayHasNothingToDo() {
        aws.production();
        aws.run(Operation.NEW, document());
        List<String> before = aws.writes();

        Result second = aws.run(Operation.NEW, document());

        assertEquals(Outcome.NOTHING_TO_DO, second.outcome());
        assertTrue(second.message().contains("younger than minimumAgeHours"), second.message());
        assertEquals(before, aws.writes());
    }

    @Test
    void theNextNightMakesAnotherCopy() {
        aws.production();
        aws.run(Operation.NEW, document());
        aws.advance(Duration.ofDays(1));

        Result next = aws.run(Operation.NEW, document());

        assertEquals(Outcome.CHANGED, next.outcome(), next.message());
        assertEquals(2, aws.copies("staging").size());
    }

    @Test
    void resumesAClusterLeftWithoutItsInstance() {
        aws.production();
        aws.copy("staging", "staging-2026-01-01", Stage.NEW, false);

        Result result = aws.run(Operation.NEW, document());

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertEquals("staging-2026-01-01", result.copy());
        List<Copy> copies = aws.copies("staging");
        assertEquals(1, copies.size(), "resuming must not also create today's copy");
        assertEquals("new", copies.get(0).instances().get(0).tags().get(KEY));
    }

    @Test
    void aDuplicateDeliveryThatLosesTheRaceIsSuccess() {
        aws.production();
        String today = CopyName.of("staging", aws.now().atZone(ZoneOffset.UTC).toLocalDate(), null);
        // The other delivery restores the same name between our look and our restore.
        aws.rds().beforeEachWrite(() -> {
            if (aws.rds().find(today).isEmpty()) {
                aws.rds().cluster(today, "aurora-postgresql", Map.of(KEY, "new"));
            }
        });

        Result result = aws.run(Operation.NEW, document());

        assertEquals(Outcome.NOTHING_TO_DO, result.outcome(), result.message());
        assertTrue(result.message().contains("concurrent run"), result.message());
        assertEquals(1, aws.copies("staging").size());
    }

    @Test
    void aNameTakenByAClusterOutsideTheLifecycleIsAnErrorThatTouchesNothing() {
        aws.production();
        String today = CopyName.of("staging", aws.now().atZone(ZoneOffset.UTC).toLocalDate(), null);
        aws.rds().cluster(today, "aurora-postgresql", Map.of());

        Result result = aws.run(Operation.NEW, document());

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("not a copy of lifecycle staging"), result.message());
        assertEquals(List.of(), aws.writes());
        assertTrue(aws.rds().find(today).orElseThrow().tags.isEmpty());
    }

    @Test
    void noSnapshotIsAClearErrorNamingTheSource() {
        aws.rds().cluster("other", "aurora-postgresql", Map.of());
        aws.rds().snapshot("other", "other-1", aws.now());

        Result result = aws.run(Operation.NEW, document());

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("source cluster prod"), result.message());
        assertEquals(List.of(), aws.writes());
    }
}
