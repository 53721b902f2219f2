package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finding copies on RDS, for {@link RdsCopies}: reads page through every result and take tags from the
 * describe results (the Tagging API only says which resources to describe), so the number of calls grows
 * with pages, never with one call per resource. What RDS reports becomes the model in {@link RdsMapping}.
 */
final class RdsCopyListing {
    /** RDS accepts up to 100 values in one describe filter; more copies than that take more calls. */
    private static final int FILTER_VALUES = 100;

    /** The Tagging API's largest page. */
    private static final int TAGGING_PAGE = 100;
    private static final String CLUSTER_TYPE = "rds:cluster";
    private static final String INSTANCE_TYPE = "rds:db";

    private final RdsClient rds;
    private final Supplier<ResourceGroupsTaggingApiClient> tagging;

    RdsCopyListing(RdsClient rds, Supplier<ResourceGroupsTaggingApiClient> tagging) {
        this.rds = rds;
        this.tagging = tagging;
    }

    /**
     * The Tagging API names the resources that carry the lifecycle's stage tag key (so 2.x copies, whose
     * clusters carry it from creation, are found too), and only they are described: a run's calls grow with
     * the lifecycle's own resources, not with the account's clusters or other lifecycles' copies.
     */
    Ownership.Found list(Ownership ownership) {
        String key = Stage.tagKey(ownership.managedName());
        Tagged tagged = tagged(List.of(TagFilter.builder().key(key).build()));
        return ownership.sort(describe(tagged.clusterArns()), tagged.instances(key));
    }

    /** Every lifecycle's copies (and strays), by managed name, for the status report. */
    Map<String, Ownership.Found> listAll() {
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

    Optional<Copy> reread(Copy copy) {
        return describeCluster(copy.name()).map(cluster -> RdsMapping.toCopy(cluster,
                instancesOf(List.of(cluster.dbClusterIdentifier())).getOrDefault(cluster.dbClusterIdentifier(), List.of())));
    }

    Optional<Copy> cluster(String clusterId) {
        return describeCluster(clusterId).map(cluster -> RdsMapping.toCopy(cluster, List.of()));
    }

    Optional<CopyStore.CloneSource> cloneSource(String clusterId) {
        return describeCluster(clusterId).map(cluster -> new CopyStore.CloneSource(cluster.engine(),
                cluster.engineVersion(), cluster.latestRestorableTime()));
    }

    private Optional<DBCluster> describeCluster(String clusterId) {
        try {
            return rds.describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().stream().findFirst();
        } catch (DbClusterNotFoundException e) {
            return Optional.empty();
        }
    }
}
