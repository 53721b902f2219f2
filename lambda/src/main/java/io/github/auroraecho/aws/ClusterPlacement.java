package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Placement;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;

/**
 * The cluster settings a restore and a clone share, in RDS's terms: one place that turns the document's
 * placement into request fields, so a setting added here reaches both calls.
 */
record ClusterPlacement(String name, String kmsKeyId, String subnetGroup, List<String> securityGroups,
                        String parameterGroup, ServerlessV2ScalingConfiguration serverless, List<Tag> tags) {

    static ClusterPlacement of(String name, Placement placement, Map<String, String> tags) {
        ServerlessV2ScalingConfiguration serverless = placement.serverlessV2() == null ? null
                : ServerlessV2ScalingConfiguration.builder()
                .minCapacity(placement.serverlessV2().minCapacity())
                .maxCapacity(placement.serverlessV2().maxCapacity())
                .build();
        return new ClusterPlacement(name, placement.kmsKeyId(), placement.dbSubnetGroupName(),
                placement.vpcSecurityGroupIds().isEmpty() ? null : placement.vpcSecurityGroupIds(),
                placement.dbClusterParameterGroupName(), serverless, RdsMapping.tagList(tags));
    }

    RestoreDbClusterFromSnapshotRequest.Builder applyTo(RestoreDbClusterFromSnapshotRequest.Builder request) {
        return request.dbClusterIdentifier(name).kmsKeyId(kmsKeyId).dbSubnetGroupName(subnetGroup)
                .vpcSecurityGroupIds(securityGroups).dbClusterParameterGroupName(parameterGroup)
                .serverlessV2ScalingConfiguration(serverless).tags(tags);
    }

    RestoreDbClusterToPointInTimeRequest.Builder applyTo(RestoreDbClusterToPointInTimeRequest.Builder request) {
        return request.dbClusterIdentifier(name).kmsKeyId(kmsKeyId).dbSubnetGroupName(subnetGroup)
                .vpcSecurityGroupIds(securityGroups).dbClusterParameterGroupName(parameterGroup)
                .serverlessV2ScalingConfiguration(serverless).tags(tags);
    }

    /** Words for the change log when the copy gets its own key. */
    String keyWords() {
        return kmsKeyId == null ? "" : ", encrypted with KMS key " + kmsKeyId;
    }
}
