package io.github.auroraecho.stages;

import io.github.auroraecho.aws.CopyStore;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;

import java.time.Instant;

/** Makes a new copy as a copy-on-write clone of the source cluster at its latest restorable time. */
public final class CloneStage extends CopyCreation {

    @Override
    protected Source source(StageContext context) {
        LifecycleConfig config = context.config();
        String source = config.source().sourceClusterName();
        CopyStore.CloneSource cluster = context.copies().cloneSource(source)
                .orElseThrow(() -> new RefusedException("source cluster " + source + " does not exist"));
        // The clone holds the data of the source's LatestRestorableTime as RDS reports it ("Users can restore to
        // any point in time before LatestRestorableTime", RestoreDBClusterToPointInTime, Amazon RDS API Reference,
        // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterToPointInTime.html): RDS's
        // time, like a snapshot's SnapshotCreateTime, not this run's clock. Read just before the call, it can only
        // make the data look a little older than it is.
        Instant restorePoint = cluster.latestRestorableTime() != null ? cluster.latestRestorableTime() : context.now();
        // The clone keeps its source's version, so its Serverless v2 range is checked against that version.
        return new Source(cluster.engine(), cluster.engineVersion(), "a copy-on-write clone of " + source, restorePoint,
                (name, tags) -> context.copies().cloneCluster(name, source, config.placement(), tags));
    }
}
