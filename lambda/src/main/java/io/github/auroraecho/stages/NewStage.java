package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/** Restores a new copy from the newest available snapshot of the source cluster. */
public final class NewStage extends CopyCreation {

    @Override
    protected Source source(StageContext context) {
        LifecycleConfig config = context.config();
        DBClusterSnapshot snapshot = context.copies().newestAvailableSnapshot(config.sourceClusterName())
                .orElseThrow(() -> new RefusedException("no snapshot with status available found for source cluster "
                        + config.sourceClusterName()));
        return new Source(config.engine() != null ? config.engine() : snapshot.engine(),
                "snapshot " + snapshot.dbClusterSnapshotIdentifier() + " of " + config.sourceClusterName(),
                (name, tags) -> context.copies().restoreFromSnapshot(config, name, snapshot, tags));
    }
}
