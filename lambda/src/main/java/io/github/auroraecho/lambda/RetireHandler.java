package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of the retire stage. */
public final class RetireHandler extends StageHandler {
    public RetireHandler() {
        super(Operation.RETIRE);
    }
}
