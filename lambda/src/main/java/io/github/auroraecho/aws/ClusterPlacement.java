package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Placement;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterToPointInTimeRequest;
import software.amazon.awssdk.services.rds.model.ServerlessV2ScalingConfiguration;

import java.util.List;
import java.util.Map;

/**
 * The cluster settings a restore and a clone share, from the document's placement. The two requests'
 * builders have no common type, so the same setters are written once for each, side by side here: a
 * setting added to one belongs in the other.
 * <p>
 * Both ask RDS to copy the copy's tags to its snapshots: "CopyTagsToSnapshot: Specifies whether to copy all tags
 * from the restored DB cluster to snapshots of the restored DB cluster. The default is not to copy them."
 * (RestoreDBClusterFromSnapshot, RestoreDBClusterToPointInTime, Amazon RDS API Reference,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterFromSnapshot.html). So retire's
 * final snapshot carries the lifecycle's tags, by which retire recognises it when its retention is over.
 */
final class ClusterPlacement {
    private ClusterPlacement() {
    }

    static RestoreDbClusterFromSnapshotRequest.Builder restore(RestoreDbClusterFromSnapshotRequest.Builder request,
                                                               String name, Placement placement, Map<String, String> tags) {
        return request.dbClusterIdentifier(name).kmsKeyId(placement.kmsKeyId())
                .dbSubnetGroupName(placement.dbSubnetGroupName()).vpcSecurityGroupIds(securityGroups(placement))
                .dbClusterParameterGroupName(placement.dbClusterParameterGroupName())
                .serverlessV2ScalingConfiguration(serverless(placement)).tags(RdsMapping.tagList(tags))
                .copyTagsToSnapshot(true);
    }

    static RestoreDbClusterToPointInTimeRequest.Builder clone(RestoreDbClusterToPointInTimeRequest.Builder request,
                                                              String name, Placement placement, Map<String, String> tags) {
        return request.dbClusterIdentifier(name).kmsKeyId(placement.kmsKeyId())
                .dbSubnetGroupName(placement.dbSubnetGroupName()).vpcSecurityGroupIds(securityGroups(placement))
                .dbClusterParameterGroupName(placement.dbClusterParameterGroupName())
                .serverlessV2ScalingConfiguration(serverless(placement)).tags(RdsMapping.tagList(tags))
                .copyTagsToSnapshot(true);
    }

    /** Words for the change log when the copy gets its own key. */
    static String keyWords(Placement placement) {
        return placement.kmsKeyId() == null ? "" : ", encrypted with KMS key " + placement.kmsKeyId();
    }

    /** Null when none are given, so that the request leaves the parameter out instead of sending an empty list. */
    private static List<String> securityGroups(Placement placement) {
        return placement.vpcSecurityGroupIds().isEmpty() ? null : placement.vpcSecurityGroupIds();
    }

    private static ServerlessV2ScalingConfiguration serverless(Placement placement) {
        if (placement.serverlessV2() == null) {
            return null;
        }
        return ServerlessV2ScalingConfiguration.builder()
                .minCapacity(placement.serverlessV2().minCapacity())
                .maxCapacity(placement.serverlessV2().maxCapacity())
                .secondsUntilAutoPause(placement.serverlessV2().secondsUntilAutoPause())
                .build();
    }
}
