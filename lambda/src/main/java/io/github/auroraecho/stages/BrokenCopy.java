package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;

import java.util.Map;

/**
 * A copy that will never become available by itself (failed, incompatible, stuck creating) must not
 * hold its lifecycle up: it is marked retired, so retire deletes it and the next new run makes a fresh
 * copy, and the run fails so the alarm tells someone to look at why.
 */
final class BrokenCopy {
    private BrokenCopy() {
    }

    static Result retire(StageContext context, Copy copy, String problem) {
        context.copies().setStage(copy, context.managedName(), Stage.RETIRED, Map.of(TimeTag.RETIRED, context.now()));
        return context.result(Outcome.FAILED, "copy " + copy.name() + " is broken (" + problem + "): marked retired,"
                + " so retire deletes it and the next new run (after minimumAgeHours) makes a fresh copy;"
                + " check the RDS events of " + copy.name() + " for the cause", copy.name());
    }
}
