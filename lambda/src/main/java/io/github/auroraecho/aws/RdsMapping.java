package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterRole;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RDS's describe results as the lifecycle model, and the model's tags as RDS's: the only place that knows both. */
final class RdsMapping {
    private RdsMapping() {
    }

    static Map<String, String> tags(List<Tag> tagList) {
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : tagList) {
            tags.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return tags;
    }

    /** In the map's order, which is the order RDS shows them in. */
    static List<Tag> tagList(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static Copy toCopy(DBCluster cluster, List<Copy.Instance> instances) {
        return new Copy(cluster.dbClusterIdentifier(), cluster.dbClusterArn(), cluster.status(), cluster.engine(),
                cluster.clusterCreateTime(), cluster.endpoint(), cluster.readerEndpoint(),
                Boolean.TRUE.equals(cluster.deletionProtection()), tags(cluster.tagList()),
                cluster.associatedRoles().stream().map(DBClusterRole::roleArn).toList(), instances,
                new Copy.Settings(cluster.dbClusterParameterGroup(), cluster.backupRetentionPeriod(),
                        Boolean.TRUE.equals(cluster.httpEndpointEnabled()),
                        cluster.masterUserSecret() == null ? null : cluster.masterUserSecret().secretArn(),
                        cluster.masterUserSecret() == null ? null : cluster.masterUserSecret().secretStatus(),
                        cluster.engineVersion(), cluster.port()));
    }

    static Copy.Instance toInstance(DBInstance instance) {
        return new Copy.Instance(instance.dbInstanceIdentifier(), instance.dbInstanceArn(),
                instance.dbInstanceStatus(), instance.endpoint() == null ? null : instance.endpoint().address(),
                tags(instance.tagList()));
    }
}
