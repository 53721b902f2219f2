package io.github.auroraecho.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.CnameIndex;
import io.github.auroraecho.lifecycle.Hours;
import io.github.auroraecho.lifecycle.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One copy of one lifecycle as status reports it. {@code clusterStage} and {@code instanceStage} are the
 * raw tag values (null where that resource has no tag), since aurora-echo 2.x moves only the instance's.
 * {@code sourcePointAge} is how old the data is (its snapshot or clone point); null where the copy does not say.
 * {@code environment} is the deployed environment whose functions manage the copy (its aurora-echo:environment
 * tag); null for a copy no environment manages (made by 2.x, or on the command line without one).
 * {@code rejectedBy} is the check that rejected the copy before promote would serve it; null when none did.
 */
public record CopyStatus(String managedName, String copy, String clusterStage, String instanceStage,
                         String clusterStatus, List<Instance> instances, Instant createdAt, Duration age,
                         Duration sourcePointAge, List<CnameIndex.Record> records, String environment,
                         String rejectedBy) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Instance(String id, String status) {
    }

    public CopyStatus {
        instances = List.copyOf(instances);
        records = List.copyOf(records);
    }

    public CopyStatus withAge(Duration newAge) {
        return new CopyStatus(managedName, copy, clusterStage, instanceStage, clusterStatus, instances, createdAt, newAge,
                sourcePointAge == null ? null : sourcePointAge.plus(newAge.minus(age)), records, environment, rejectedBy);
    }

    /**
     * The stage the tools act on (the instance's tag wins), with the cluster's where the two disagree, and the
     * check that rejected the copy.
     */
    public String stage() {
        return rejectedBy == null ? tagStage() : tagStage() + " (rejected: " + Verification.rejection(rejectedBy) + ")";
    }

    private String tagStage() {
        if (instanceStage == null) {
            return clusterStage == null ? "-" : clusterStage;
        }
        if (clusterStage != null && !clusterStage.equals(instanceStage)) {
            return instanceStage + " (cluster: " + clusterStage + ")";
        }
        return instanceStage;
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("managedName", managedName);
        node.put("copy", copy);
        node.put("stage", instanceStage != null ? instanceStage : clusterStage);
        node.put("clusterStage", clusterStage);
        node.put("instanceStage", instanceStage);
        node.put("clusterStatus", clusterStatus);
        ArrayNode instanceNodes = node.putArray("instances");
        instances.forEach(instance -> instanceNodes.addObject().put("id", instance.id()).put("status", instance.status()));
        node.put("createdAt", createdAt.toString());
        node.put("ageHours", Hours.of(age));
        if (sourcePointAge == null) {
            node.putNull("sourcePointAgeHours");
        } else {
            node.put("sourcePointAgeHours", Hours.of(sourcePointAge));
        }
        ArrayNode recordNodes = node.putArray("records");
        records.forEach(record -> recordNodes.addObject().put("zoneId", record.zoneId()).put("name", record.name()));
        node.put("environment", environment);
        node.put("rejectedBy", rejectedBy);
        return node;
    }
}
