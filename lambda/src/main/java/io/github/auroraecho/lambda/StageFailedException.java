package io.github.auroraecho.lambda;

import io.github.auroraecho.stages.Result;

/**
 * Thrown by a handler when the run's outcome is failed; its message is the result JSON (the failure record's
 * {@code errorMessage}), its cause the unexpected exception of a run that had one.
 */
public final class StageFailedException extends RuntimeException {
    private final transient Result result;

    public StageFailedException(Result result) {
        super(result.toJsonNode().toString(), result.error());
        this.result = result;
    }

    public Result result() {
        return result;
    }
}
