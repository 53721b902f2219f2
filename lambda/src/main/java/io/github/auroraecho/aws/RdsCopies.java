package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Placement;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@link CopyStore} on RDS. Reads page through every result and take tags from the describe results
 * (the Tagging API only says which resources to describe),
 * so the number of calls grows with pages, never with one call per resource; every write goes through
 * {@link Changes}. What RDS reports becomes the model in {@link RdsMapping}.
 */
public final class RdsCopies implements CopyStore {
    /** RDS accepts up to 100 values in one describe filter; more copies than that take more calls. */
    private static final int FILTER_VALUES = 100;

    /** The Tagging API's largest page. */
    private static final int TAGGING_PAGE = 100;
    private static final String CLUSTER_TYPE = "rds:cluster";
    private static final String INSTANCE_TYPE = "rds:db";

    private final RdsClient rds;
    private final Supplier<ResourceGroupsTaggingApiClient> tagging;
    private final Changes changes;
    /** What {@link #list} last read: a run's metrics come from it, without a call of their own. */
    private List<Copy> lastListed;

    public RdsCopies(RdsClient rds, Supplier<ResourceGroupsTaggingApiClient> tagging, Changes changes) {
        this.rds = rds;
        this.tagging = tagging;
        this.changes = changes;
    }

    /**
     * The Tagging API names the resources that carry the lifecycle's stage tag key (so 2.x copies, whose
     * clusters carry it from creation, are found too), and only they are described: a run's calls grow with
     * the lifecycle's own resources, not with the account's clusters or other lifecycles' copies.
     */
    @Override
    public Ownership.Found list(Ownership ownership) {
        String key = Stage.tagKey(ownership.managedName());
        Tagged tagged = tagged(List.of(TagFilter.builder().key(key).build()));
        Ownership.Found found = ownership.sort(describe(tagged.clusterArns()), tagged.instances(key));
        lastListed = found.copies();
        return found;
    }

    @Override
    public Optional<List<Copy>> lastListed() {
        return Optional.ofNullable(lastListed);
    }

    /** Every lifecycle's copies (and strays), by managed name, for the status report. */
    public Map<String, Ownership.Found> listAll() {
        Tagged tagged = tagged(List.of());
        Map<String, Copy> candidates = new HashMap<>();
        describe(tagged.clusterArns()).forEach(copy -> candidates.put(copy.clusterArn(), copy));
        Map<String, Ownership.Found> byLifecycle = new TreeMap<>();
        for (String managedName : tagged.lifecycles()) {
            String key = Stage.tagKey(managedName);
            List<Copy> theirs = tagged.clusterArns().stream()
                    .filter(arn -> tagged.tags().get(arn).containsKey(key) && candidates.containsKey(arn))
                    .map(candidates::get)
                    .toList();
            byLifecycle.put(managedName, new Ownership(managedName, null).sort(theirs, tagged.instances(key)));
        }
        return byLifecycle;
    }

    /** The RDS clusters and instances the Tagging API finds with these tag filters (all tagged ones for none). */
    private Tagged tagged(List<TagFilter> filters) {
        List<String> clusters = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (ResourceTagMapping resource : tagging.get().getResourcesPaginator(r -> r.tagFilters(filters)
                .resourceTypeFilters(CLUSTER_TYPE, INSTANCE_TYPE).resourcesPerPage(TAGGING_PAGE)).resourceTagMappingList()) {
            String arn = resource.resourceARN();
            Map<String, String> resourceTags = new HashMap<>();
            resource.tags().forEach(tag -> resourceTags.put(tag.key(), tag.value()));
            if (resourceTags.keySet().stream().noneMatch(k -> Stage.managedNameOf(k).isPresent())) {
                continue;
            }
            tags.put(arn, resourceTags);
            (arn.contains(":cluster:") ? clusters : instances).add(arn);
        }
        return new Tagged(clusters, instances, tags);
    }

    /**
     * What the Tagging API reported: resource ARNs with the tags it saw, used only to choose what to describe
     * (it may still list a deleted or untagged resource; the describe results decide).
     */
    private record Tagged(List<String> clusterArns, List<String> instanceArns, Map<String, Map<String, String>> tags) {
        /** The instances carrying this tag key, with its value. */
        Map<String, String> instances(String key) {
            Map<String, String> values = new TreeMap<>();
            instanceArns.stream().filter(arn -> tags.get(arn).containsKey(key))
                    .forEach(arn -> values.put(arn, tags.get(arn).get(key)));
            return values;
        }

        TreeSet<String> lifecycles() {
            TreeSet<String> names = new TreeSet<>();
            tags.values().forEach(resourceTags -> resourceTags.keySet()
                    .forEach(key -> Stage.managedNameOf(key).ifPresent(names::add)));
            return names;
        }
    }

    /** The given clusters as they are now (tags from the describe result), with their instances. */
    private List<Copy> describe(List<String> clusterArns) {
        List<DBCluster> clusters = new ArrayList<>();
        for (List<String> chunk : chunks(clusterArns)) {
            rds.describeDBClustersPaginator(r -> r.maxRecords(100)
                            .filters(Filter.builder().name("db-cluster-id").values(chunk).build()))
                    .dbClusters()
                    .forEach(clusters::add);
        }
        Map<String, List<Copy.Instance>> instances = instancesOf(clusters.stream().map(DBCluster::dbClusterIdentifier).toList());
        return clusters.stream()
                .map(cluster -> RdsMapping.toCopy(cluster, instances.getOrDefault(cluster.dbClusterIdentifier(), List.of())))
                .toList();
    }

    private static List<List<String>> chunks(List<String> values) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += FILTER_VALUES) {
            chunks.add(values.subList(from, Math.min(values.size(), from + FILTER_VALUES)));
        }
        return chunks;
    }

    /** Instances of the given clusters only, by filter, so unrelated instances in the account cost nothing. */
    private Map<String, List<Copy.Instance>> instancesOf(List<String> clusterIds) {
        Map<String, List<Copy.Instance>> byCluster = new HashMap<>();
        for (List<String> chunk : chunks(clusterIds)) {
            rds.describeDBInstancesPaginator(r -> r.maxRecords(100)
                            .filters(Filter.builder().name("db-cluster-id").values(chunk).build()))
                    .dbInstances()
                    .forEach(instance -> byCluster.computeIfAbsent(instance.dbClusterIdentifier(), k -> new ArrayList<>())
                            .add(RdsMapping.toInstance(instance)));
        }
        return byCluster;
    }

    @Override
    public Optional<Copy> reread(Copy copy) {
        return describeCluster(copy.name()).map(cluster -> RdsMapping.toCopy(cluster,
                instancesOf(List.of(cluster.dbClusterIdentifier())).getOrDefault(cluster.dbClusterIdentifier(), List.of())));
    }

    @Override
    public Optional<Copy> cluster(String clusterId) {
        return describeCluster(clusterId).map(cluster -> RdsMapping.toCopy(cluster, List.of()));
    }

    @Override
    public Optional<CloneSource> cloneSource(String clusterId) {
        return describeCluster(clusterId).map(cluster -> new CloneSource(cluster.engine(), cluster.latestRestorableTime()));
    }

    private Optional<DBCluster> describeCluster(String clusterId) {
        try {
            return rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().stream().findFirst();
        } catch (DbClusterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Across all pages. */
    @Override
    public Optional<DBClusterSnapshot> newestAvailableSnapshot(String sourceClusterId) {
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
    @Override
    public List<DBClusterSnapshot> sharedSnapshots() {
        List<DBClusterSnapshot> shared = new ArrayList<>();
        rds.describeDBClusterSnapshotsPaginator(r -> r.snapshotType("shared").includeShared(true).maxRecords(100))
                .dbClusterSnapshots()
                .forEach(shared::add);
        return shared;
    }

    @Override
    public void restoreFromSnapshot(String name, DBClusterSnapshot snapshot, boolean shared, Placement placement,
                                    Map<String, String> tags) {
        String engine = placement.engineOr(snapshot.engine());
        // A version is only taken from the snapshot when the engine is too: another engine needs its own.
        String version = placement.engineVersion() != null ? placement.engineVersion()
                : placement.engine() == null ? snapshot.engineVersion() : null;
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

    @Override
    public void cloneCluster(String name, String sourceClusterName, Placement placement, Map<String, String> tags) {
        changes.apply("clone cluster " + sourceClusterName + " to " + name + " (copy-on-write)"
                        + ClusterPlacement.keyWords(placement),
                () -> rds.restoreDBClusterToPointInTime(r -> ClusterPlacement.clone(r, name, placement, tags)
                        .sourceDBClusterIdentifier(sourceClusterName)
                        .restoreType("copy-on-write")
                        .useLatestRestorableTime(true)),
                "copy", name, "stageTo", Stage.NEW.tagValue());
    }

    @Override
    public void createInstance(String name, String engine, Placement placement, Map<String, String> tags) {
        CreateDbInstanceRequest request = CreateDbInstanceRequest.builder()
                .dbInstanceIdentifier(name)
                .dbClusterIdentifier(name)
                .engine(engine)
                .dbInstanceClass(placement.dbInstanceClass())
                .availabilityZone(placement.availabilityZone())
                .dbParameterGroupName(placement.dbParameterGroupName())
                .tags(RdsMapping.tagList(tags))
                .build();
        changes.apply("create instance " + name + " (" + placement.dbInstanceClass() + ")",
                () -> rds.createDBInstance(request), "copy", name);
    }

    /** Both the cluster and its instances, so both tools read the same stage, with the name-free stage tag. */
    @Override
    public void setStage(Copy copy, String managedName, Stage stage, Map<TimeTag, Instant> times) {
        List<Tag> tags = RdsMapping.tagList(CopyTags.stage(managedName, stage));
        String key = Stage.tagKey(managedName);
        String from = copy.stage(managedName).map(Stage::tagValue).orElse(null);
        List<Tag> clusterTags = new ArrayList<>(tags);
        times.entrySet().stream()
                .filter(time -> !copy.clusterTags().containsKey(time.getKey().key(managedName)))
                .sorted(Map.Entry.comparingByKey())
                .forEach(time -> clusterTags.add(Tag.builder().key(time.getKey().key(managedName))
                        .value(TimeTag.value(time.getValue())).build()));
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

    @Override
    public void deleteInstance(Copy copy, Copy.Instance instance) {
        changes.apply("delete instance " + instance.id(),
                () -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier(instance.id())), "copy", copy.name());
    }

    @Override
    public void deleteCluster(Copy copy, boolean finalSnapshot, Instant now) {
        if (finalSnapshot) {
            String snapshotId = copy.name() + "-final-" + now.getEpochSecond();
            changes.apply("delete cluster " + copy.name() + " with final snapshot " + snapshotId,
                    () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier(copy.name())
                            .skipFinalSnapshot(false).finalDBSnapshotIdentifier(snapshotId)), "copy", copy.name());
        } else {
            changes.apply("delete cluster " + copy.name() + " without final snapshot",
                    () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier(copy.name()).skipFinalSnapshot(true)),
                    "copy", copy.name());
        }
    }
}
