package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of the clone stage. */
public final class CloneHandler extends StageHandler {
    public CloneHandler() {
        super(Operation.CLONE);
    }
}
