package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of the promote stage. */
public final class PromoteHandler extends StageHandler {
    public PromoteHandler() {
        super(Operation.PROMOTE);
    }
}
