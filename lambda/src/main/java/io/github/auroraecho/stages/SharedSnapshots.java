package io.github.auroraecho.stages;

import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Choosing among the snapshots other accounts share with this one. A shared snapshot names its source
 * cluster only by identifier, so a source cluster ARN is matched by the snapshot ARN's partition, region
 * and account together with that identifier.
 */
final class SharedSnapshots {
    private SharedSnapshots() {
    }

    /** The newest available snapshot of the cluster with this ARN. */
    static Optional<DBClusterSnapshot> newestOf(List<DBClusterSnapshot> shared, String clusterArn) {
        String[] cluster = clusterArn.split(":", 7);
        String owner = cluster[1] + ":" + cluster[3] + ":" + cluster[4];
        return shared.stream()
                .filter(SharedSnapshots::isAvailable)
                .filter(snapshot -> cluster[6].equals(snapshot.dbClusterIdentifier()))
                .filter(snapshot -> owner.equals(ownerOf(snapshot.dbClusterSnapshotArn())))
                .max(Comparator.comparing(DBClusterSnapshot::snapshotCreateTime)
                        .thenComparing(DBClusterSnapshot::dbClusterSnapshotArn));
    }

    /** The snapshot with this ARN, when it is shared with this account and available. */
    static Optional<DBClusterSnapshot> byArn(List<DBClusterSnapshot> shared, String snapshotArn) {
        return shared.stream()
                .filter(snapshot -> snapshotArn.equals(snapshot.dbClusterSnapshotArn()))
                .filter(SharedSnapshots::isAvailable)
                .findFirst();
    }

    private static boolean isAvailable(DBClusterSnapshot snapshot) {
        return "available".equals(snapshot.status()) && snapshot.snapshotCreateTime() != null
                && snapshot.dbClusterSnapshotArn() != null;
    }

    /** {@code partition:region:account} of an ARN. */
    private static String ownerOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length < 6 ? "" : parts[1] + ":" + parts[3] + ":" + parts[4];
    }
}
