package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.CopySource;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

import java.util.List;

/** Restores a new copy from the newest available snapshot of the source cluster, or from one another account shares. */
public final class NewStage extends CopyCreation {

    @Override
    protected Source source(StageContext context) {
        LifecycleConfig config = context.config();
        CopySource source = config.source();
        if (source.isShared()) {
            return shared(context);
        }
        DBClusterSnapshot snapshot = context.copies().newestAvailableSnapshot(source.sourceClusterName())
                .orElseThrow(() -> noSnapshot(context, source.sourceClusterName()));
        return new Source(config.placement().engineOr(snapshot.engine()),
                config.placement().engineVersionFor(snapshot.engine(), snapshot.engineVersion()),
                "snapshot " + snapshot.dbClusterSnapshotIdentifier() + " of " + source.sourceClusterName(),
                snapshot.snapshotCreateTime(),
                (name, tags) -> context.copies().restoreFromSnapshot(name, snapshot, false, config.placement(), tags));
    }

    /**
     * Why there is no snapshot to restore: a source cluster that does not exist (a typo, another region) reads very
     * differently from one without an available snapshot. One DescribeDBClusters, made only then, tells them apart:
     * "DBClusterNotFoundFault: DBClusterIdentifier doesn't refer to an existing DB cluster" (DescribeDBClusters,
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBClusters.html).
     */
    private static RefusedException noSnapshot(StageContext context, String sourceClusterName) {
        String region = context.aws().region().id();
        if (context.copies().cluster(sourceClusterName).isEmpty()) {
            return new RefusedException("source cluster " + sourceClusterName + " does not exist in region " + region
                    + " (DescribeDBClusters found none): check sourceClusterName and region in the document");
        }
        return new RefusedException("no snapshot with status available found for source cluster " + sourceClusterName
                + " in region " + region + ": take one (or wait for the automated backup), then run again");
    }

    /** A snapshot another account shares with this one: the one named, or the newest of the cluster named. */
    private static Source shared(StageContext context) {
        LifecycleConfig config = context.config();
        CopySource source = config.source();
        List<DBClusterSnapshot> shared = context.copies().sharedSnapshots();
        DBClusterSnapshot snapshot = source.sourceSnapshotArn() != null
                ? SharedSnapshots.byArn(shared, source.sourceSnapshotArn()).orElseThrow(() -> new RefusedException(
                        "snapshot " + source.sourceSnapshotArn() + " is not shared with this account, or not available: "
                                + "its owner shares it with ModifyDBClusterSnapshotAttribute (restore)"))
                : SharedSnapshots.newestOf(shared, source.sourceClusterName()).orElseThrow(() -> new RefusedException(
                        "no available snapshot of " + source.sourceClusterName() + " is shared with this account: its "
                                + "owner shares each snapshot with ModifyDBClusterSnapshotAttribute (restore)"));
        return new Source(config.placement().engineOr(snapshot.engine()),
                config.placement().engineVersionFor(snapshot.engine(), snapshot.engineVersion()),
                "snapshot " + snapshot.dbClusterSnapshotArn() + " shared with this account",
                snapshot.snapshotCreateTime(),
                (name, tags) -> context.copies().restoreFromSnapshot(name, snapshot, true, config.placement(), tags));
    }
}
