package io.github.auroraecho.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule that decides what a lifecycle owns, applied by every stage and by status before anything is
 * used: a cluster is a copy of lifecycle L only when its identifier has L's copy form
 * ({@code <L>-YYYY-MM-DD[-suffix]}, compared case-insensitively as RDS compares identifiers) and the cluster
 * carries L's stage tag; an instance only as a member of such a cluster. The source cluster (by name or ARN,
 * in any case) is never a copy. A tag alone proves nothing: a console slip, a restore of a copy's snapshot
 * or a script gone wrong puts tags where they do not belong, and the CLI often runs with broad credentials.
 *
 * @param sourceCluster the document's {@code sourceClusterName} (a name or an ARN), or null where it names none
 */
public record Ownership(String managedName, String sourceCluster) {

    /**
     * A resource that carries the lifecycle's stage tag but is not one of its copies: reported, never used.
     *
     * @param stage the value of its stage tag
     */
    public record Stray(String resource, String stage, String why) {
        public String describe(String managedName) {
            return resource + " is tagged for " + managedName + " but not one of its copies (" + why + ")";
        }
    }

    /** What a listing found: the copies, and what carries the tag without being one. */
    public record Found(List<Copy> copies, List<Stray> strays) {
        public Found {
            copies = List.copyOf(copies);
            strays = List.copyOf(strays);
        }
    }

    /** Why a cluster is not a copy of this lifecycle; empty when it is one. */
    public Optional<String> notACopy(String clusterId, Map<String, String> clusterTags) {
        if (isSource(clusterId)) {
            return Optional.of("it is the lifecycle's source cluster");
        }
        if (CopyName.dateOf(managedName, clusterId).isEmpty()) {
            return Optional.of("its name is not of the form " + managedName + "-YYYY-MM-DD[-suffix]");
        }
        if (!clusterTags.containsKey(Stage.tagKey(managedName))) {
            return Optional.of("its cluster lacks the tag " + Stage.tagKey(managedName));
        }
        return Optional.empty();
    }

    /**
     * Sorts the clusters (each with its instances) that carry the lifecycle's tag on the cluster or an
     * instance: the copies, and the strays, with every tagged instance that belongs to no copy.
     *
     * @param taggedInstances instances known to carry the tag, wherever they are: ARN to the tag's value
     */
    public Found sort(List<Copy> candidates, Map<String, String> taggedInstances) {
        String key = Stage.tagKey(managedName);
        List<Copy> copies = new ArrayList<>();
        List<Stray> strays = new ArrayList<>();
        Set<String> members = new HashSet<>();
        for (Copy candidate : candidates) {
            Optional<String> why = notACopy(candidate.name(), candidate.clusterTags());
            if (why.isEmpty()) {
                copies.add(candidate);
                candidate.instances().forEach(instance -> members.add(instance.arn()));
                continue;
            }
            if (candidate.clusterTags().containsKey(key)) {
                strays.add(new Stray("cluster " + candidate.name(), candidate.clusterTags().get(key), why.get()));
            }
            for (Copy.Instance instance : candidate.instances()) {
                if (instance.tags().containsKey(key)) {
                    members.add(instance.arn());
                    strays.add(new Stray("instance " + instance.id(), instance.tags().get(key), "a member of cluster " + candidate.name()
                            + ", which is not a copy: " + why.get()));
                }
            }
        }
        taggedInstances.forEach((arn, stage) -> {
            if (!members.contains(arn)) {
                strays.add(new Stray("instance " + arn.substring(arn.lastIndexOf(':') + 1), stage,
                        "not a member of one of its copies"));
            }
        });
        return new Found(copies, strays);
    }

    /** An identifier holds no colon, so the part after an ARN's last one is the name. */
    private boolean isSource(String clusterId) {
        return sourceCluster != null
                && sourceCluster.substring(sourceCluster.lastIndexOf(':') + 1).equalsIgnoreCase(clusterId);
    }
}
