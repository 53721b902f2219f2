package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of the modify stage. */
public final class ModifyHandler extends StageHandler {
    public ModifyHandler() {
        super(Operation.MODIFY);
    }
}
