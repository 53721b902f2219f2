package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DBClusterRole;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finding, creating, re-tagging and deleting a lifecycle's copies. Reads page through every result and
 * take tags from the describe results (the Tagging API only says which resources to describe), so the number of calls grows with pages, never with one call per
 * resource; every write goes through {@link Changes}.
 */
public final class RdsCopies {
    /** RDS accepts up to 100 values in one describe filter; more copies than that take more calls. */
    private static final int FILTER_VALUES = 100;

    /** The Tagging API's largest page. */
    private static final int TAGGING_PAGE = 100;
    private static final String CLUSTER_TYPE = "rds:cluster";
    private static final String INSTANCE_TYPE = "rds:db";

    private final RdsClient rds;
    private final Supplier<ResourceGroupsTaggingApiClient> tagging;
    private final Changes changes;

    public RdsCopies(RdsClient rds, Supplier<ResourceGroupsTaggingApiClient> tagging, Changes changes) {
        this.rds = rds;
        this.tagging = tagging;
        this.changes = changes;
    }

    /**
     * The copies of one lifecycle, sorted by the ownership rule from everything that carries its stage tag.
     * The Tagging API names those resources (by the tag key, so 2.x copies, whose clusters carry it from
     * creation, are found too), and only they are described: a run's calls grow with the lifecycle's own
     * resources, not with the account's clusters or other lifecycles' copies.
     */
    public Ownership.Found list(Ownership ownership) {
        Tagged tagged = tagged(List.of(TagFilter.builder().key(Stage.tagKey(ownership.managedName())).build()));
        return ownership.sort(describe(tagged.clusterArns()), tagged.instances(Stage.tagKey(ownership.managedName())));
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

    /** What the Tagging API reported: resource ARNs with the tags it saw, used only to choose what to describe. */
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
                .map(cluster -> toCopy(cluster, instances.getOrDefault(cluster.dbClusterIdentifier(), List.of())))
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
                            .add(toInstance(instance)));
        }
        return byCluster;
    }

    /** One copy read again, after a step changed it; empty when the cluster is gone. */
    public Optional<Copy> reread(Copy copy) {
        return findCluster(copy.name()).map(cluster -> toCopy(cluster,
                instancesOf(List.of(cluster.dbClusterIdentifier())).getOrDefault(cluster.dbClusterIdentifier(), List.of())));
    }

    public Optional<DBCluster> findCluster(String clusterId) {
        try {
            return rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().stream().findFirst();
        } catch (DbClusterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The newest snapshot with status {@code available} of a cluster, manual or automated, across all pages. */
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

    /** Every snapshot other accounts share with this one, across all pages. */
    public List<DBClusterSnapshot> sharedSnapshots() {
        List<DBClusterSnapshot> shared = new ArrayList<>();
        rds.describeDBClusterSnapshotsPaginator(r -> r.snapshotType("shared").includeShared(true).maxRecords(100))
                .dbClusterSnapshots()
                .forEach(shared::add);
        return shared;
    }

    /**
     * Restores a copy; with {@code kmsKeyId} it is encrypted with that key.
     *
     * @param shared true for a snapshot of another account, which RDS takes only by its ARN
     */
    public void restoreFromSnapshot(LifecycleConfig config, String name, DBClusterSnapshot snapshot, boolean shared,
                                    List<Tag> tags) {
        String engine = config.engine() != null ? config.engine() : snapshot.engine();
        // A version is only taken from the snapshot when the engine is too: another engine needs its own.
        String version = config.engineVersion() != null ? config.engineVersion()
                : config.engine() == null ? snapshot.engineVersion() : null;
        // The identifier names a snapshot of this account and region; another account's needs the ARN.
        String reference = shared ? snapshot.dbClusterSnapshotArn() : snapshot.dbClusterSnapshotIdentifier();
        changes.apply("restore cluster " + name + " from snapshot " + reference + keyWords(config),
                () -> rds.restoreDBClusterFromSnapshot(r -> r
                        .dbClusterIdentifier(name)
                        .snapshotIdentifier(reference)
                        .kmsKeyId(config.kmsKeyId())
                        .engine(engine)
                        .engineVersion(version)
                        .dbSubnetGroupName(config.dbSubnetGroupName())
                        .vpcSecurityGroupIds(nullIfEmpty(config.vpcSecurityGroupIds()))
                        .availabilityZones(config.availabilityZone() == null ? null : List.of(config.availabilityZone()))
                        .dbClusterParameterGroupName(config.dbClusterParameterGroupName())
                        .serverlessV2ScalingConfiguration(serverless(config))
                        .tags(tags)),
                "copy", name, "stageTo", Stage.NEW.tagValue());
    }

    /** A copy-on-write clone at the latest restorable time; the tags are given so it never inherits the source's. */
    public void cloneCluster(LifecycleConfig config, String name, List<Tag> tags) {
        changes.apply("clone cluster " + config.sourceClusterName() + " to " + name + " (copy-on-write)" + keyWords(config),
                () -> rds.restoreDBClusterToPointInTime(r -> r
                        .dbClusterIdentifier(name)
                        .kmsKeyId(config.kmsKeyId())
                        .sourceDBClusterIdentifier(config.sourceClusterName())
                        .restoreType("copy-on-write")
                        .useLatestRestorableTime(true)
                        .dbSubnetGroupName(config.dbSubnetGroupName())
                        .vpcSecurityGroupIds(nullIfEmpty(config.vpcSecurityGroupIds()))
                        .dbClusterParameterGroupName(config.dbClusterParameterGroupName())
                        .serverlessV2ScalingConfiguration(serverless(config))
                        .tags(tags)),
                "copy", name, "stageTo", Stage.NEW.tagValue());
    }

    public void createInstance(LifecycleConfig config, String name, String engine, List<Tag> tags) {
        CreateDbInstanceRequest request = CreateDbInstanceRequest.builder()
                .dbInstanceIdentifier(name)
                .dbClusterIdentifier(name)
                .engine(engine)
                .dbInstanceClass(config.dbInstanceClass())
                .availabilityZone(config.availabilityZone())
                .dbParameterGroupName(config.dbParameterGroupName())
                .tags(tags)
                .build();
        changes.apply("create instance " + name + " (" + config.dbInstanceClass() + ")",
                () -> rds.createDBInstance(request), "copy", name);
    }

    /** Writes the stage on the cluster and on every instance, so both tools read the same stage. */
    public void setStage(Copy copy, String managedName, Stage stage) {
        Tag tag = Tag.builder().key(Stage.tagKey(managedName)).value(stage.tagValue()).build();
        String from = copy.stage(managedName).map(Stage::tagValue).orElse(null);
        if (!stage.tagValue().equals(copy.clusterTags().get(tag.key()))) {
            changes.apply("tag cluster " + copy.name() + " " + tag.key() + "=" + tag.value(),
                    () -> rds.addTagsToResource(r -> r.resourceName(copy.clusterArn()).tags(tag)),
                    "copy", copy.name(), "stageFrom", from, "stageTo", stage.tagValue());
        }
        for (Copy.Instance instance : copy.instances()) {
            if (!stage.tagValue().equals(instance.tags().get(tag.key()))) {
                changes.apply("tag instance " + instance.id() + " " + tag.key() + "=" + tag.value(),
                        () -> rds.addTagsToResource(r -> r.resourceName(instance.arn()).tags(tag)),
                        "copy", copy.name(), "stageFrom", from, "stageTo", stage.tagValue());
            }
        }
    }

    public void addRole(Copy copy, String roleArn) {
        changes.apply("associate role " + roleArn + " with cluster " + copy.name(),
                () -> rds.addRoleToDBCluster(r -> r.dbClusterIdentifier(copy.name()).roleArn(roleArn)), "copy", copy.name());
    }

    /**
     * Applies the given settings at once (not in the next maintenance window). A managed master password
     * replaces the copy's password, which is production's, by a secret RDS creates in Secrets Manager.
     *
     * @param parameterGroup        null leaves it as it is
     * @param backupRetentionPeriod null leaves it as it is
     */
    public void modifyCluster(Copy copy, boolean manageMasterUserPassword, String parameterGroup,
                              Long backupRetentionPeriod, boolean disableDeletionProtection) {
        List<String> what = new ArrayList<>();
        if (manageMasterUserPassword) {
            what.add("master password managed by RDS in Secrets Manager");
        }
        if (parameterGroup != null) {
            what.add("cluster parameter group " + parameterGroup);
        }
        if (backupRetentionPeriod != null) {
            what.add("backup retention " + backupRetentionPeriod + " days");
        }
        if (disableDeletionProtection) {
            what.add("deletion protection off");
        }
        changes.apply("modify cluster " + copy.name() + ": " + String.join(", ", what),
                () -> rds.modifyDBCluster(r -> r.dbClusterIdentifier(copy.name())
                        .applyImmediately(true)
                        .manageMasterUserPassword(manageMasterUserPassword ? Boolean.TRUE : null)
                        .dbClusterParameterGroupName(parameterGroup)
                        .backupRetentionPeriod(backupRetentionPeriod == null ? null : backupRetentionPeriod.intValue())
                        .deletionProtection(disableDeletionProtection ? Boolean.FALSE : null)), "copy", copy.name());
    }

    /**
     * Turns on the RDS Data API. Provisioned and Serverless v2 clusters take this call; ModifyDBCluster's
     * EnableHttpEndpoint is for Serverless v1 only, which a restore never makes.
     */
    public void enableHttpEndpoint(Copy copy) {
        changes.apply("enable the RDS Data API (HTTP endpoint) on cluster " + copy.name(),
                () -> rds.enableHttpEndpoint(r -> r.resourceArn(copy.clusterArn())), "copy", copy.name());
    }

    /** Records on the cluster how many SQL scripts have run, right after each one. */
    public void setSqlProgress(Copy copy, String managedName, SqlProgress progress) {
        Tag tag = Tag.builder().key(SqlProgress.tagKey(managedName)).value(progress.tagValue()).build();
        changes.apply("tag cluster " + copy.name() + " " + tag.key() + "=" + tag.value(),
                () -> rds.addTagsToResource(r -> r.resourceName(copy.clusterArn()).tags(tag)), "copy", copy.name());
    }

    public void deleteInstance(Copy copy, Copy.Instance instance) {
        changes.apply("delete instance " + instance.id(),
                () -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier(instance.id())), "copy", copy.name());
    }

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

    /** The tags a new copy carries from its first call: the stage tag and the document's own. */
    public static List<Tag> creationTags(LifecycleConfig config) {
        Map<String, String> all = new LinkedHashMap<>(config.tags());
        all.put(config.stageTagKey(), Stage.NEW.tagValue());
        return all.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    public static Map<String, String> tags(List<Tag> tagList) {
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : tagList) {
            tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return tags;
    }

    static Copy toCopy(DBCluster cluster, List<Copy.Instance> instances) {
        return new Copy(cluster.dbClusterIdentifier(), cluster.dbClusterArn(), cluster.status(), cluster.engine(),
                cluster.clusterCreateTime(), cluster.endpoint(), cluster.readerEndpoint(),
                Boolean.TRUE.equals(cluster.deletionProtection()), tags(cluster.tagList()),
                cluster.associatedRoles().stream().map(DBClusterRole::roleArn).toList(), instances,
                new Copy.Settings(cluster.dbClusterParameterGroup(), cluster.backupRetentionPeriod(),
                        Boolean.TRUE.equals(cluster.httpEndpointEnabled()),
                        cluster.masterUserSecret() == null ? null : cluster.masterUserSecret().secretArn(),
                        cluster.masterUserSecret() == null ? null : cluster.masterUserSecret().secretStatus()));
    }

    private static Copy.Instance toInstance(DBInstance instance) {
        return new Copy.Instance(instance.dbInstanceIdentifier(), instance.dbInstanceArn(),
                instance.dbInstanceStatus(), instance.endpoint() == null ? null : instance.endpoint().address(),
                tags(instance.tagList()));
    }

    private static String keyWords(LifecycleConfig config) {
        return config.kmsKeyId() == null ? "" : ", encrypted with KMS key " + config.kmsKeyId();
    }

    private static ServerlessV2ScalingConfiguration serverless(LifecycleConfig config) {
        if (config.serverlessV2() == null) {
            return null;
        }
        return ServerlessV2ScalingConfiguration.builder()
                .minCapacity(config.serverlessV2().minCapacity())
                .maxCapacity(config.serverlessV2().maxCapacity())
                .build();
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }
}
