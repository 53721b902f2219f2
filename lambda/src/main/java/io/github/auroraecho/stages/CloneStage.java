package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;

/** Makes a new copy as a copy-on-write clone of the source cluster at its latest restorable time. */
public final class CloneStage extends CopyCreation {

    @Override
    protected Source source(StageContext context) {
        LifecycleConfig config = context.config();
        String source = config.source().sourceClusterName();
        String engine = context.copies().cluster(source)
                .orElseThrow(() -> new RefusedException("source cluster " + source + " does not exist"))
                .engine();
        // The clone is of the latest restorable time, seconds to minutes before the call: close enough to now.
        // Copy does not carry the source's version: RDS itself refuses a range the clone's version cannot take.
        return new Source(engine, null, "a copy-on-write clone of " + source, context.now(),
                (name, tags) -> context.copies().cloneCluster(name, source, config.placement(), tags));
    }
}
