package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of start, on the schedule the document's runningHours make, or invoked by hand. */
public final class StartHandler extends StageHandler {
    public StartHandler() {
        super(Operation.START);
    }
}
