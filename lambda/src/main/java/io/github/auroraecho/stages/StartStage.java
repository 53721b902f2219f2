package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;

import java.util.List;

/** Starts the lifecycle's promoted copy, at the start of its running hours or by hand (see {@link PowerSwitch}). */
public final class StartStage implements LifecycleStage {
    @Override
    public Result run(StageContext context, List<Copy> copies) {
        return PowerSwitch.run(context, copies, PowerSwitch.Direction.START);
    }
}
