package io.github.auroraecho.stages;

import io.github.auroraecho.aws.Log;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Stage;

import java.util.List;

/**
 * Resources tagged for the lifecycle that the ownership rule does not count as copies. The stage never
 * uses them; its result names them so the operator can clean up the tag, and fails (so the alarm fires)
 * where such a resource's tag asks for exactly the work this stage does.
 */
final class Strays {
    private Strays() {
    }

    /** Whether a stray in this stage would have been this operation's work, had it been a copy. */
    static boolean blocks(Operation operation, String stageTag) {
        return switch (operation) {
            case NEW, CLONE, MODIFY -> Stage.NEW.tagValue().equals(stageTag);
            case PROMOTE -> Stage.MODIFIED.tagValue().equals(stageTag) || Stage.PROMOTED.tagValue().equals(stageTag);
            case RETIRE -> Stage.RETIRED.tagValue().equals(stageTag);
            case ROLLBACK -> Stage.PROMOTED.tagValue().equals(stageTag) || Stage.RETIRED.tagValue().equals(stageTag);
            case STOP, START -> Stage.PROMOTED.tagValue().equals(stageTag);
        };
    }

    /** The stage's result with the strays named, failed where one blocks the stage's work. */
    static Result report(StageContext context, Result result, List<Ownership.Stray> strays) {
        if (strays.isEmpty()) {
            return result;
        }
        strays.forEach(stray -> Log.warn("not-a-copy", "managedName", context.managedName(), "resource", stray.resource(),
                "stage", stray.stage(), "why", stray.why()));
        boolean blocked = strays.stream().anyMatch(stray -> blocks(context.operation(), stray.stage()));
        String named = String.join("; ", strays.stream().map(stray -> stray.describe(context.managedName())).toList());
        Outcome outcome = blocked ? Outcome.FAILED : result.outcome();
        return new Result(result.stage(), result.managedName(), outcome, result.message()
                + (blocked ? " Refused to act on what is tagged but not a copy: " : " Left alone: ") + named
                + "; remove the tag " + Stage.tagKey(context.managedName()) + " from it.", result.copy(), result.changes(),
                result.freshness(), result.error(), result.verified(), result.parameter());
    }
}
