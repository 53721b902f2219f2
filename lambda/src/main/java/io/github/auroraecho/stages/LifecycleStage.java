package io.github.auroraecho.stages;

/** One operation of the lifecycle. Each is idempotent: run it again after any interruption and it converges. */
public interface LifecycleStage {
    Result run(StageContext context);
}
