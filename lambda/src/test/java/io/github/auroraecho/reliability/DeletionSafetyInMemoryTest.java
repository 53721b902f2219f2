package io.github.auroraecho.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.testing.MemoryAccount;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retire's refusals, against an in-memory RDS and DNS. DeletionSafetyTest keeps the cases that depend on
 * how RDS reports tags; LifecycleTest the whole chain on the emulator.
 */
class DeletionSafetyInMemoryTest {
    private static final String KEY = Stage.tagKey("staging");
    private final MemoryAccount aws = new MemoryAccount();
    private final ObjectNode doc = TestAccount.document("staging", "prod", aws.dns().zone("Z1"));

    @Test
    void neverDeletesTheSourceClusterEvenWhenTaggedAsARetiredCopy() {
        aws.rds().cluster("prod", "aurora-postgresql", Map.of(KEY, "retired")).instanceTags.put("prod-1", Map.of());

        Result result = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("source cluster"), result.message());
        assertTrue(aws.rds().find("prod").isPresent());
        assertEquals(List.of(), aws.writes());
    }

    @Test
    void aRetiredCopyWithDeletionProtectionIsRefusedNotForced() {
        aws.copy("staging", "staging-2026-01-01", Stage.RETIRED, false).deletionProtection = true;

        Result result = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().contains("deletion protection"), result.message());
        assertTrue(aws.rds().find("staging-2026-01-01").isPresent());
    }

    @Test
    void anInterruptedRetireFinishesTheClusterWhoseInstanceIsAlreadyGone() {
        // 2.x retired it on the instance tag, and the instance was deleted before the run died.
        aws.copy("staging", "staging-2026-01-01", Stage.RETIRED, false);
        assertEquals(Outcome.WAITING, aws.run(Operation.RETIRE, doc).outcome(), "2.x recorded no retirement time");
        aws.advance(Duration.ofMinutes(Retirement.DEFAULT_DRAIN_MINUTES + 1));

        Result result = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertTrue(aws.rds().find("staging-2026-01-01").isEmpty());
    }
}
