package io.github.auroraecho.testing;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Copies as the describe calls would show them, for unit tests of the stage rules. */
public final class Copies {
    public static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    /** A document valid for every stage, as the rules see it. */
    public static final LifecycleConfig CONFIG = LifecycleConfig.parse("""
            {"managedName": "staging", "sourceClusterName": "prod", "dbSubnetGroupName": "default",
             "dbInstanceClass": "db.r6g.large", "hostedZoneIds": ["Z1"], "recordSetName": "db.example.com"}""",
            Operation.NEW);
    /** What a fresh restore shows: the default parameter group, one day of backups, no managed secret. */
    public static final Copy.Settings SETTINGS = new Copy.Settings("default.aurora-postgresql15", 1, false, null, null, null);

    private Copies() {
    }

    public static Copy copy(String name, Stage stage, Instant created) {
        return copy(name, stage, created, "available", true);
    }

    public static Copy copy(String name, Stage stage, Instant created, String status, boolean withInstance) {
        Map<String, String> tags = Map.of(Stage.tagKey("staging"), stage.tagValue());
        List<Copy.Instance> instances = withInstance
                ? List.of(new Copy.Instance(name, "arn:aws:rds:us-east-1:123456789012:db:" + name, "available",
                name + ".instance.example", tags))
                : List.of();
        return new Copy(name, "arn:aws:rds:us-east-1:123456789012:cluster:" + name, status, "aurora-postgresql",
                created, name + ".cluster.example", name + ".cluster-ro.example", false, tags, List.of(), instances, SETTINGS);
    }

    /** The copy with more tags on its cluster (the times this tool records there). */
    public static Copy withClusterTags(Copy copy, Map<String, String> extra) {
        Map<String, String> tags = new java.util.HashMap<>(copy.clusterTags());
        tags.putAll(extra);
        return new Copy(copy.name(), copy.clusterArn(), copy.clusterStatus(), copy.engine(), copy.createdAt(),
                copy.endpoint(), copy.readerEndpoint(), copy.deletionProtection(), tags, copy.associatedRoleArns(),
                copy.instances(), copy.settings());
    }
}
