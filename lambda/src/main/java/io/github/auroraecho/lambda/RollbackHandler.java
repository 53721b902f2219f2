package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of rollback, invoked by hand (a Test event or the CLI), never on a schedule. */
public final class RollbackHandler extends StageHandler {
    public RollbackHandler() {
        super(Operation.ROLLBACK);
    }
}
