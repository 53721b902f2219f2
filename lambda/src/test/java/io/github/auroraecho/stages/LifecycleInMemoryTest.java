package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.MemoryAccount;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the stages act on one lifecycle's copies, against an in-memory RDS and DNS (LifecycleTest: on the emulator). */
class LifecycleInMemoryTest {
    private static final String KEY = Stage.tagKey("staging");
    private final MemoryAccount aws = new MemoryAccount();
    private final ObjectNode doc = TestAccount.document("staging", "prod", aws.dns().zone("Z1"));

    @Test
    void retireRefusesACopyThatDnsStillPointsTo() {
        aws.production();
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);
        Result promoted = aws.run(Operation.PROMOTE, doc);
        assertEquals(Outcome.CHANGED, promoted.outcome(), promoted.message());
        // Someone marks the live copy retired by hand.
        aws.rds().find(promoted.copy()).orElseThrow().instanceTags.get(promoted.copy()).put(KEY, "retired");
        List<String> before = aws.writes();

        Result retire = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.FAILED, retire.outcome());
        assertTrue(retire.message().contains("still what db.staging.example.com points to"), retire.message());
        assertTrue(aws.rds().find(promoted.copy()).isPresent());
        assertEquals(before, aws.writes());
    }

    @Test
    void everyStageWithNothingInItsStageHasNothingToDo() {
        for (Operation operation : List.of(Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE)) {
            assertEquals(Outcome.NOTHING_TO_DO, aws.run(operation, doc).outcome(), operation.cliName());
        }
        assertEquals(List.of(), aws.writes());
    }
}
