package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;

import java.util.List;

/** One operation of the lifecycle. Each is idempotent: run it again after any interruption and it converges. */
public interface LifecycleStage {
    /** @param copies the lifecycle's copies, as the ownership rule found them when the run began */
    Result run(StageContext context, List<Copy> copies);
}
