package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Placement;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Making a copy on RDS, for {@link RdsCopies}: the snapshot it comes from, the restore or clone that makes its
 * cluster, and its instance. Every write goes through {@link Changes}.
 */
final class RdsCopyCreation {
    private final RdsClient rds;
    private final Changes changes;

    RdsCopyCreation(RdsClient rds, Changes changes) {
        this.rds = rds;
        this.changes = changes;
    }

    /** Across all pages. */
    Optional<DBClusterSnapshot> newestAvailableSnapshot(String sourceClusterId) {
        List<DBClusterSnapshot> available = new ArrayList<>();
        rds.describeDBClusterSnapshotsPaginator(r -> r.dbClusterIdentifier(sourceClusterId).maxRecords(100))
                .dbClusterSnapshots()
                .forEach(snapshot -> {
                    if ("available".equals(snapshot.status()) && snapshot.snapshotCreateTime() != null
                            && sourceClusterId.equals(snapshot.dbClusterIdentifier())) {
                        available.add(snapshot);
                    }
                });
        return available.stream().max(Comparator.comparing(DBClusterSnapshot::snapshotCreateTime)
                .thenComparing(DBClusterSnapshot::dbClusterSnapshotIdentifier));
    }

    /** Across all pages. */
    List<DBClusterSnapshot> sharedSnapshots() {
        List<DBClusterSnapshot> shared = new ArrayList<>();
        rds.describeDBClusterSnapshotsPaginator(r -> r.snapshotType("shared").includeShared(true).maxRecords(100))
                .dbClusterSnapshots()
                .forEach(shared::add);
        return shared;
    }

    void restoreFromSnapshot(String name, DBClusterSnapshot snapshot, boolean shared, Placement placement,
                             Map<String, String> tags) {
        String engine = placement.engineOr(snapshot.engine());
        String version = placement.engineVersionFor(snapshot.engine(), snapshot.engineVersion());
        // The identifier names a snapshot of this account and region; another account's needs the ARN.
        String reference = shared ? snapshot.dbClusterSnapshotArn() : snapshot.dbClusterSnapshotIdentifier();
        changes.apply("restore cluster " + name + " from snapshot " + reference + ClusterPlacement.keyWords(placement),
                () -> rds.restoreDBClusterFromSnapshot(r -> ClusterPlacement.restore(r, name, placement, tags)
                        .snapshotIdentifier(reference)
                        .engine(engine)
                        .engineVersion(version)
                        .availabilityZones(placement.availabilityZone() == null ? null
                                : List.of(placement.availabilityZone()))),
                "copy", name, "stageTo", Stage.NEW.tagValue());
    }

    void cloneCluster(String name, String sourceClusterName, Placement placement, Map<String, String> tags) {
        changes.apply("clone cluster " + sourceClusterName + " to " + name + " (copy-on-write)"
                        + ClusterPlacement.keyWords(placement),
                () -> rds.restoreDBClusterToPointInTime(r -> ClusterPlacement.clone(r, name, placement, tags)
                        .sourceDBClusterIdentifier(sourceClusterName)
                        .restoreType("copy-on-write")
                        .useLatestRestorableTime(true)),
                "copy", name, "stageTo", Stage.NEW.tagValue());
    }

    void createInstance(String name, String engine, Placement placement, Map<String, String> tags) {
        CreateDbInstanceRequest request = CreateDbInstanceRequest.builder()
                .dbInstanceIdentifier(name)
                .dbClusterIdentifier(name)
                .engine(engine)
                .dbInstanceClass(placement.dbInstanceClass())
                .availabilityZone(placement.availabilityZone())
                .dbParameterGroupName(placement.dbParameterGroupName())
                // CreateDBInstance (Amazon RDS API Reference), PubliclyAccessible: unset, "If the subnets are part
                // of a VPC that has an internet gateway attached to it, the DB instance is public"; a copy holds
                // production's data, so it is private unless the document asks.
                // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
                .publiclyAccessible(placement.publiclyAccessible())
                .tags(RdsMapping.tagList(tags))
                .build();
        changes.apply("create instance " + name + " (" + placement.dbInstanceClass() + ")",
                () -> rds.createDBInstance(request), "copy", name);
    }
}
