package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Placement;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link CopyStore} on RDS: finding copies is {@link RdsCopyListing}'s, making them {@link RdsCopyCreation}'s;
 * here are the changes to a copy that exists (its tags, roles, settings) and its deletion. Every write goes
 * through {@link Changes}.
 */
public final class RdsCopies implements CopyStore {
    private final RdsClient rds;
    private final Changes changes;
    private final RdsCopyListing listing;
    private final RdsCopyCreation creation;
    /** What {@link #list} last read: a run's metrics come from it, without a call of their own. */
    private List<Copy> lastListed;

    public RdsCopies(RdsClient rds, Supplier<ResourceGroupsTaggingApiClient> tagging, Changes changes) {
        this.rds = rds;
        this.changes = changes;
        this.listing = new RdsCopyListing(rds, tagging);
        this.creation = new RdsCopyCreation(rds, changes);
    }

    @Override
    public Ownership.Found list(Ownership ownership) {
        Ownership.Found found = listing.list(ownership);
        lastListed = found.copies();
        return found;
    }

    @Override
    public Optional<List<Copy>> lastListed() {
        return Optional.ofNullable(lastListed);
    }

    /** Every lifecycle's copies (and strays), by managed name, for the status report. */
    public Map<String, Ownership.Found> listAll() {
        return listing.listAll();
    }

    @Override
    public Optional<Copy> reread(Copy copy) {
        return listing.reread(copy);
    }

    @Override
    public Optional<Copy> cluster(String clusterId) {
        return listing.cluster(clusterId);
    }

    @Override
    public Optional<CloneSource> cloneSource(String clusterId) {
        return listing.cloneSource(clusterId);
    }

    @Override
    public Optional<DBClusterSnapshot> newestAvailableSnapshot(String sourceClusterId) {
        return creation.newestAvailableSnapshot(sourceClusterId);
    }

    @Override
    public List<DBClusterSnapshot> sharedSnapshots() {
        return creation.sharedSnapshots();
    }

    @Override
    public void restoreFromSnapshot(String name, DBClusterSnapshot snapshot, boolean shared, Placement placement,
                                    Map<String, String> tags) {
        creation.restoreFromSnapshot(name, snapshot, shared, placement, tags);
    }

    @Override
    public void cloneCluster(String name, String sourceClusterName, Placement placement, Map<String, String> tags) {
        creation.cloneCluster(name, sourceClusterName, placement, tags);
    }

    @Override
    public void createInstance(String name, String engine, Placement placement, Map<String, String> tags) {
        creation.createInstance(name, engine, placement, tags);
    }

    /** Both the cluster and its instances, so both tools read the same stage, with the name-free stage tag. */
    @Override
    public void setStage(Copy copy, String managedName, Stage stage, Map<TimeTag, Instant> times,
                         Map<String, String> marks) {
        List<Tag> tags = RdsMapping.tagList(CopyTags.stage(managedName, stage));
        String key = Stage.tagKey(managedName);
        String from = copy.stage(managedName).map(Stage::tagValue).orElse(null);
        List<Tag> clusterTags = new ArrayList<>(tags);
        clusterTags.addAll(RdsMapping.tagList(CopyTags.times(copy.clusterTags(), managedName, stage, times)));
        clusterTags.addAll(RdsMapping.tagList(marks));
        if (clusterTags.size() > tags.size() || CopyTags.needsStage(copy.clusterTags(), managedName, stage)) {
            changes.apply("tag cluster " + copy.name() + " " + clusterTags.stream()
                            .map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(", ")),
                    () -> rds.addTagsToResource(r -> r.resourceName(copy.clusterArn()).tags(clusterTags)),
                    "copy", copy.name(), "stageFrom", from, "stageTo", stage.tagValue());
        }
        for (Copy.Instance instance : copy.instances()) {
            if (CopyTags.needsStage(instance.tags(), managedName, stage)) {
                changes.apply("tag instance " + instance.id() + " " + key + "=" + stage.tagValue(),
                        () -> rds.addTagsToResource(r -> r.resourceName(instance.arn()).tags(tags)),
                        "copy", copy.name(), "stageFrom", from, "stageTo", stage.tagValue());
            }
        }
    }

    @Override
    public void addRole(Copy copy, IamRole role) {
        changes.apply("associate role " + role.describe() + " with cluster " + copy.name(),
                () -> rds.addRoleToDBCluster(r -> r.dbClusterIdentifier(copy.name()).roleArn(role.name())
                        .featureName(role.featureName())), "copy", copy.name());
    }

    /**
     * A managed master password replaces the copy's password, which is production's, by a secret RDS
     * creates in Secrets Manager.
     */
    @Override
    public void modifyCluster(Copy copy, ClusterChange change) {
        changes.apply("modify cluster " + copy.name() + ": " + change.describe(),
                () -> rds.modifyDBCluster(r -> r.dbClusterIdentifier(copy.name())
                        .applyImmediately(true)
                        .manageMasterUserPassword(change.manageMasterUserPassword() ? Boolean.TRUE : null)
                        .dbClusterParameterGroupName(change.parameterGroup())
                        .backupRetentionPeriod(change.backupRetentionPeriod() == null ? null
                                : change.backupRetentionPeriod().intValue())
                        .deletionProtection(change.disableDeletionProtection() ? Boolean.FALSE : null)),
                "copy", copy.name());
    }

    /**
     * Provisioned and Serverless v2 clusters take this call; ModifyDBCluster's
     * EnableHttpEndpoint is for Serverless v1 only, which a restore never makes.
     */
    @Override
    public void enableHttpEndpoint(Copy copy) {
        changes.apply("enable the RDS Data API (HTTP endpoint) on cluster " + copy.name(),
                () -> rds.enableHttpEndpoint(r -> r.resourceArn(copy.clusterArn())), "copy", copy.name());
    }

    @Override
    public void setSqlProgress(Copy copy, String managedName, SqlProgress progress) {
        Tag tag = Tag.builder().key(SqlProgress.tagKey(managedName)).value(progress.tagValue()).build();
        changes.apply("tag cluster " + copy.name() + " " + tag.key() + "=" + tag.value(),
                () -> rds.addTagsToResource(r -> r.resourceName(copy.clusterArn()).tags(tag)), "copy", copy.name());
    }

    /**
     * Stops every instance of the cluster at once; "To stop a cluster it must be in an available status" (AWS Systems
     * Manager runbook AWS-StartStopAuroraCluster; the Aurora User Guide's "Stopping and starting an Amazon Aurora DB
     * cluster", https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-cluster-stop-start.html).
     */
    @Override
    public void stopCluster(Copy copy) {
        changes.apply("stop cluster " + copy.name(), () -> rds.stopDBCluster(r -> r.dbClusterIdentifier(copy.name())),
                "copy", copy.name());
    }

    /** "To start a cluster it must be in a stopped status" (same sources as {@link #stopCluster}). */
    @Override
    public void startCluster(Copy copy) {
        changes.apply("start cluster " + copy.name(), () -> rds.startDBCluster(r -> r.dbClusterIdentifier(copy.name())),
                "copy", copy.name());
    }

    @Override
    public void deleteInstance(Copy copy, Copy.Instance instance) {
        changes.apply("delete instance " + instance.id(),
                () -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier(instance.id())), "copy", copy.name());
    }

    @Override
    public void deleteCluster(Copy copy, boolean finalSnapshot, Instant now) {
        if (finalSnapshot) {
            String snapshotId = ManualSnapshot.finalName(copy.name(), now);
            changes.apply("delete cluster " + copy.name() + " with final snapshot " + snapshotId,
                    () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier(copy.name())
                            .skipFinalSnapshot(false).finalDBSnapshotIdentifier(snapshotId)), "copy", copy.name());
        } else {
            changes.apply("delete cluster " + copy.name() + " without final snapshot",
                    () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier(copy.name()).skipFinalSnapshot(true)),
                    "copy", copy.name());
        }
    }

    /**
     * One paged listing of the manual snapshots, their tags from the same answers ({@code TagList}), so that
     * finding a lifecycle's final snapshots costs no call per snapshot.
     */
    @Override
    public List<ManualSnapshot> manualSnapshots() {
        List<ManualSnapshot> manual = new ArrayList<>();
        rds.describeDBClusterSnapshotsPaginator(r -> r.snapshotType("manual").maxRecords(100))
                .dbClusterSnapshots()
                .forEach(s -> manual.add(new ManualSnapshot(s.dbClusterSnapshotIdentifier(), s.dbClusterIdentifier(),
                        s.snapshotCreateTime(), RdsMapping.tags(s.tagList()))));
        return manual;
    }

    @Override
    public void deleteSnapshot(ManualSnapshot snapshot) {
        changes.apply("delete final snapshot " + snapshot.id() + " (taken " + TimeTag.value(snapshot.createdAt()) + ")",
                () -> rds.deleteDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier(snapshot.id())),
                "copy", snapshot.clusterId());
    }
}
