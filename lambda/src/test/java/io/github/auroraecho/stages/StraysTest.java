package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A resource tagged but not a copy fails the stage whose work its tag asks for, and only that one. */
class StraysTest {
    @Test
    void blocksTheStageThatWouldHaveActedOnIt() {
        List<String> tags = Arrays.asList("new", "modified", "promoted", "retired", "other", null);
        assertEquals(List.of(true, false, false, false, false, false), blocked(Operation.NEW, tags));
        assertEquals(List.of(true, false, false, false, false, false), blocked(Operation.CLONE, tags));
        assertEquals(List.of(true, false, false, false, false, false), blocked(Operation.MODIFY, tags));
        assertEquals(List.of(false, true, true, false, false, false), blocked(Operation.PROMOTE, tags));
        assertEquals(List.of(false, false, false, true, false, false), blocked(Operation.RETIRE, tags));
        // Rollback moves a retired copy back to promoted and the promoted one to retired.
        assertEquals(List.of(false, false, true, true, false, false), blocked(Operation.ROLLBACK, tags));
        // Stop and start act on the served copy only.
        assertEquals(List.of(false, false, true, false, false, false), blocked(Operation.STOP, tags));
        assertEquals(List.of(false, false, true, false, false, false), blocked(Operation.START, tags));
    }

    private static List<Boolean> blocked(Operation operation, List<String> tags) {
        return tags.stream().map(tag -> Strays.blocks(operation, tag)).toList();
    }
}
