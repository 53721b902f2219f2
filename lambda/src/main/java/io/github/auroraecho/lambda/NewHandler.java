package io.github.auroraecho.lambda;

import io.github.auroraecho.lifecycle.Operation;

/** Lambda handler of the new stage. */
public final class NewHandler extends StageHandler {
    public NewHandler() {
        super(Operation.NEW);
    }
}
