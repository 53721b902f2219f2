package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of stop, on the schedule the document's runningHours make, or invoked by hand. */
public final class StopHandler extends StageHandler {
    public StopHandler() {
        super(Operation.STOP);
    }
}
