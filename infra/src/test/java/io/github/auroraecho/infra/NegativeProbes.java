package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls no stage may make, each of which IAM alone must deny (the code's own checks set aside), beside the same call
 * on what the stage may touch, which must be allowed, so that a probe cannot pass by denying everything. The
 * environment is src/test/resources/proof-environment.json: environment {@code test}, lifecycle {@code staging}.
 */
final class NegativeProbes {
    private static final String RDS = "arn:aws:rds:us-east-1:123456789012:";
    private static final String COPY = "staging-2026-01-01";

    /** One call: what it touches, its tags as they are, the request's keys, and whether IAM must allow it. */
    record Probe(String name, Operation operation, String action, String type, String arn,
                 Map<String, Object> resourceContext, Map<String, Object> requestContext, boolean allowed) {
    }

    private NegativeProbes() {
    }

    static List<Probe> all() {
        List<Probe> probes = new ArrayList<>();
        for (String action : List.of("rds:DeleteDBCluster", "rds:ModifyDBCluster")) {
            Operation operation = action.endsWith("DeleteDBCluster") ? Operation.RETIRE : Operation.MODIFY;
            String stage = operation == Operation.RETIRE ? "retired" : "new";
            probes.add(allowed(operation, action, "a " + stage + " copy", "cluster", RDS + "cluster:" + COPY,
                    copyTags("test", "staging", stage)));
            probes.add(denied(operation, action, "the source", "cluster", RDS + "cluster:production", Map.of()));
            probes.add(denied(operation, action, "the source carrying a copy's tags", "cluster",
                    RDS + "cluster:production", copyTags("test", "staging", stage)));
            probes.add(denied(operation, action, "an untagged cluster named as a copy", "cluster",
                    RDS + "cluster:" + COPY, Map.of()));
            probes.add(denied(operation, action, "a 2.x copy (only the stage tag)", "cluster", RDS + "cluster:" + COPY,
                    Map.of("aws:ResourceTag/aurora-echo:staging:stage", stage)));
            probes.add(denied(operation, action, "another environment's copy", "cluster", RDS + "cluster:" + COPY,
                    copyTags("prod", "staging", stage)));
            probes.add(denied(operation, action, "another lifecycle's copy", "cluster", RDS + "cluster:other-2026-01-01",
                    copyTags("prod", "other", stage)));
            probes.add(denied(operation, action, "a cluster whose name and lifecycle tag disagree", "cluster",
                    RDS + "cluster:other-2026-01-01", copyTags("test", "staging", stage)));
            probes.add(denied(operation, action, "a promoted copy", "cluster", RDS + "cluster:" + COPY,
                    copyTags("test", "staging", "promoted")));
        }
        probes.add(allowed(Operation.RETIRE, "rds:DeleteDBInstance", "a retired copy's instance", "db",
                RDS + "db:" + COPY, copyTags("test", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBInstance", "a promoted copy's instance", "db",
                RDS + "db:" + COPY, copyTags("test", "staging", "promoted")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBInstance", "the source's instance", "db",
                RDS + "db:production-1", Map.of()));

        // RDS makes a final snapshot with retire's permissions: of a retired copy, never of the source.
        probes.add(allowed(Operation.RETIRE, "rds:CreateDBClusterSnapshot", "a retired copy (its final snapshot)",
                "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:CreateDBClusterSnapshot", "the source", "cluster",
                RDS + "cluster:production", Map.of()));
        probes.add(denied(Operation.RETIRE, "rds:CreateDBClusterSnapshot", "a promoted copy", "cluster",
                RDS + "cluster:" + COPY, copyTags("test", "staging", "promoted")));
        probes.add(denied(Operation.RETIRE, "rds:CreateDBClusterSnapshot", "a snapshot not named as a final one",
                "cluster-snapshot", RDS + "cluster-snapshot:production-manual", Map.of()));

        // Retire deletes its own final snapshots past finalSnapshotRetentionDays: named and tagged as one, nothing else.
        String finalSnapshot = RDS + "cluster-snapshot:" + COPY + "-final-1767232800";
        probes.add(allowed(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "its own final snapshot", "cluster-snapshot",
                finalSnapshot, copyTags("test", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "production's snapshot", "cluster-snapshot",
                RDS + "cluster-snapshot:production-manual", Map.of()));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "production's snapshot carrying a copy's tags",
                "cluster-snapshot", RDS + "cluster-snapshot:production-final-1767232800",
                copyTags("test", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "a snapshot not named as a final one",
                "cluster-snapshot", RDS + "cluster-snapshot:" + COPY + "-kept", copyTags("test", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "a final snapshot's name without the tags",
                "cluster-snapshot", finalSnapshot, Map.of()));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "another environment's final snapshot",
                "cluster-snapshot", finalSnapshot, copyTags("prod", "staging", "retired")));
        probes.add(denied(Operation.RETIRE, "rds:DeleteDBClusterSnapshot", "another lifecycle's final snapshot",
                "cluster-snapshot", RDS + "cluster-snapshot:other-2026-01-01-final-1767232800",
                copyTags("test", "other", "retired")));

        Map<String, Object> moveToModified = move("staging", "modified");
        probes.add(new Probe("modify moves a new copy to modified", Operation.MODIFY, "rds:AddTagsToResource", "cluster",
                RDS + "cluster:" + COPY, copyTags("test", "staging", "new"), moveToModified, true));
        probes.add(new Probe("modify must not tag the source", Operation.MODIFY, "rds:AddTagsToResource", "cluster",
                RDS + "cluster:production", Map.of(), moveToModified, false));
        // The time of a move goes with it, on the cluster (#17's drain and freshness); the key carries the name as the
        // lifecycle was written, compared with the lower-case lifecycle tag ignoring case.
        for (String name : List.of("staging", "Staging")) {
            probes.add(new Probe("modify moves a new copy to modified with its modified-at (key " + name + ")",
                    Operation.MODIFY, "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY,
                    copyTags("test", "staging", "new"), move(name, "modified", "modified-at"), true));
        }
        // new and modify retire a broken new copy, promote the copy it replaces, retire one half-moved.
        Map<Operation, String> retiredFrom = new java.util.EnumMap<>(Map.of(Operation.NEW, "new",
                Operation.MODIFY, "new", Operation.PROMOTE, "promoted", Operation.RETIRE, "promoted"));
        retiredFrom.forEach((operation, stage) -> probes.add(new Probe(operation.cliName() + " retires a " + stage
                + " copy with its retired-at", operation, "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY,
                copyTags("test", "staging", stage), move("staging", "retired", "retired-at"), true)));
        probes.add(new Probe("retire must not rewrite a copy's source-point", Operation.RETIRE, "rds:AddTagsToResource",
                "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "promoted"),
                move("staging", "retired", "retired-at", "source-point"), false));
        probes.add(new Probe("promote must not write modified-at", Operation.PROMOTE, "rds:AddTagsToResource",
                "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "modified"),
                move("staging", "promoted", "modified-at"), false));
        // Rollback serves a retired copy again and rejects the promoted one; it deletes nothing, and only this
        // environment's copies.
        probes.add(new Probe("rollback moves a retired copy back to promoted", Operation.ROLLBACK,
                "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "retired"),
                move("staging", "promoted"), true));
        probes.add(new Probe("rollback rejects the promoted copy with its retired-at", Operation.ROLLBACK,
                "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "promoted"),
                move("staging", "retired", "retired-at", "rejected"), true));
        probes.add(new Probe("rollback must not move another environment's copy", Operation.ROLLBACK,
                "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY, copyTags("prod", "staging", "retired"),
                move("staging", "promoted"), false));
        probes.add(new Probe("rollback must not tag the source", Operation.ROLLBACK, "rds:AddTagsToResource",
                "cluster", RDS + "cluster:production", Map.of(), move("staging", "promoted"), false));
        for (String action : List.of("rds:DeleteDBCluster", "rds:DeleteDBInstance")) {
            probes.add(denied(Operation.ROLLBACK, action, "a retired copy", action.endsWith("Cluster") ? "cluster" : "db",
                    RDS + (action.endsWith("Cluster") ? "cluster:" : "db:") + COPY, copyTags("test", "staging", "retired")));
        }
        Map<String, Object> otherLifecyclesTime = move("staging", "retired");
        otherLifecyclesTime.put("aws:RequestTag/aurora-echo:other:retired-at", "2026-01-02T06:00:00Z");
        otherLifecyclesTime.put("aws:TagKeys", List.of("aurora-echo:staging:stage", "aurora-echo:stage",
                "aurora-echo:other:retired-at"));
        probes.add(new Probe("retire must not write another lifecycle's retired-at", Operation.RETIRE,
                "rds:AddTagsToResource", "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "promoted"),
                otherLifecyclesTime, false));
        Map<String, Object> otherKey = new LinkedHashMap<>(moveToModified);
        otherKey.put("aws:RequestTag/team", "x");
        otherKey.put("aws:TagKeys", List.of("aurora-echo:staging:stage", "aurora-echo:stage", "team"));
        probes.add(new Probe("modify must not write other tags on a copy", Operation.MODIFY, "rds:AddTagsToResource",
                "cluster", RDS + "cluster:" + COPY, copyTags("test", "staging", "new"), otherKey, false));

        Map<String, Object> newCopy = newCopyOf("staging");
        probes.add(new Probe("new restores a copy named for its lifecycle", Operation.NEW,
                "rds:RestoreDBClusterFromSnapshot", "cluster", RDS + "cluster:staging-2026-01-02", Map.of(), newCopy, true));
        probes.add(new Probe("new must not restore into a name outside the lifecycle's pattern", Operation.NEW,
                "rds:RestoreDBClusterFromSnapshot", "cluster", RDS + "cluster:production-copy", Map.of(), newCopy, false));
        Map<String, Object> otherEnvironment = new LinkedHashMap<>(newCopy);
        otherEnvironment.put("aws:RequestTag/aurora-echo:environment", "prod");
        probes.add(new Probe("new must not make another environment's copies", Operation.NEW,
                "rds:RestoreDBClusterFromSnapshot", "cluster", RDS + "cluster:staging-2026-01-02", Map.of(),
                otherEnvironment, false));
        // Tagging (on create, or of a cluster that exists) makes a copy: only of a lifecycle of the environment.
        for (String type : List.of("cluster", "db")) {
            probes.add(new Probe("new tags a " + type + " as a new copy of its lifecycle", Operation.NEW,
                    "rds:AddTagsToResource", type, RDS + type + ":staging-2026-01-02", Map.of(), newCopy, true));
            probes.add(new Probe("new must not tag a hand-made " + type + " as a copy of a lifecycle the environment "
                    + "does not have", Operation.NEW, "rds:AddTagsToResource", type, RDS + type + ":billing-2026-11-02",
                    Map.of(), newCopyOf("billing"), false));
        }

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.of("db.staging.example.com"));
        record.put("route53:ChangeResourceRecordSetsRecordTypes", List.of("CNAME"));
        record.put("route53:ChangeResourceRecordSetsActions", List.of("UPSERT"));
        probes.add(new Probe("promote points the record in a configured zone", Operation.PROMOTE,
                "route53:ChangeResourceRecordSets", "hostedzone", "arn:aws:route53:::hostedzone/Z9999999999ZZZZZZZZZZ",
                Map.of(), record, true));
        probes.add(new Probe("promote must not change a record in an unconfigured zone", Operation.PROMOTE,
                "route53:ChangeResourceRecordSets", "hostedzone", "arn:aws:route53:::hostedzone/Z5555555555UNCONFIGURED",
                Map.of(), record, false));
        Map<String, Object> otherRecord = new LinkedHashMap<>(record);
        otherRecord.put("route53:ChangeResourceRecordSetsNormalizedRecordNames", List.of("www.example.com"));
        probes.add(new Probe("promote must not change another record of a configured zone", Operation.PROMOTE,
                "route53:ChangeResourceRecordSets", "hostedzone", "arn:aws:route53:::hostedzone/Z9999999999ZZZZZZZZZZ",
                Map.of(), otherRecord, false));
        Map<String, Object> delete = new LinkedHashMap<>(record);
        delete.put("route53:ChangeResourceRecordSetsActions", List.of("DELETE"));
        probes.add(new Probe("promote must not delete the record", Operation.PROMOTE, "route53:ChangeResourceRecordSets",
                "hostedzone", "arn:aws:route53:::hostedzone/Z9999999999ZZZZZZZZZZ", Map.of(), delete, false));

        Map<String, Object> toRds = Map.of("iam:PassedToService", "rds.amazonaws.com");
        probes.add(new Probe("modify passes a configured role to RDS", Operation.MODIFY, "iam:PassRole", "role",
                "arn:aws:iam::123456789012:role/staging-s3-import", Map.of(), toRds, true));
        probes.add(new Probe("modify must not pass an unconfigured role", Operation.MODIFY, "iam:PassRole", "role",
                "arn:aws:iam::123456789012:role/admin", Map.of(), toRds, false));

        String secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-0b1c2d3e-AbCdEf";
        probes.add(new Probe("modify reads a copy's managed secret", Operation.MODIFY, "secretsmanager:GetSecretValue",
                "Secret", secret, Map.of("aws:ResourceTag/aws:rds:primaryDBClusterArn", RDS + "cluster:" + COPY), Map.of(),
                true));
        for (String action : List.of("secretsmanager:GetSecretValue", "secretsmanager:RotateSecret",
                "secretsmanager:TagResource")) {
            probes.add(new Probe("modify must not touch another cluster's secret (" + action + ")", Operation.MODIFY,
                    action, "Secret", secret, Map.of("aws:ResourceTag/aws:rds:primaryDBClusterArn",
                    RDS + "cluster:production"), Map.of(), false));
        }

        String parameters = "arn:aws:ssm:us-east-1:123456789012:parameter";
        for (String action : List.of("ssm:PutParameter", "ssm:GetParameter")) {
            probes.add(new Probe("promote " + action + " on its lifecycle's connection parameter", Operation.PROMOTE,
                    action, "parameter", parameters + "/aurora-echo/staging/connection", Map.of(), Map.of(), true));
            for (String other : List.of("/production/db/password", "/aurora-echo/staging/password",
                    "/aurora-echo-other/staging/connection", "/aurora-echo/connection")) {
                probes.add(new Probe("promote must not " + action + " on " + other, Operation.PROMOTE, action,
                        "parameter", parameters + other, Map.of(), Map.of(), false));
            }
        }
        for (Operation operation : List.of(Operation.NEW, Operation.MODIFY, Operation.RETIRE)) {
            probes.add(new Probe(operation.cliName() + " must not write a connection parameter", operation,
                    "ssm:PutParameter", "parameter", parameters + "/aurora-echo/staging/connection", Map.of(), Map.of(), false));
        }
        probes.addAll(managedSecret(secret));
        probes.addAll(checks(secret));
        probes.addAll(power());
        return probes;
    }

    /**
     * Stop and start act on the promoted copy of this environment's lifecycles and nothing else, and can do nothing
     * else to it; the stages that stop or start a copy do so only in the stages they work on.
     */
    private static List<Probe> power() {
        List<Probe> probes = new ArrayList<>();
        String copy = RDS + "cluster:" + COPY;
        for (Operation operation : List.of(Operation.STOP, Operation.START)) {
            String action = operation == Operation.STOP ? "rds:StopDBCluster" : "rds:StartDBCluster";
            String other = operation == Operation.STOP ? "rds:StartDBCluster" : "rds:StopDBCluster";
            probes.add(allowed(operation, action, "the promoted copy", "cluster", copy,
                    copyTags("test", "staging", "promoted")));
            probes.add(denied(operation, action, "the source", "cluster", RDS + "cluster:production", Map.of()));
            probes.add(denied(operation, action, "the source carrying a copy's tags", "cluster",
                    RDS + "cluster:production", copyTags("test", "staging", "promoted")));
            probes.add(denied(operation, action, "another environment's copy", "cluster", copy,
                    copyTags("prod", "staging", "promoted")));
            probes.add(denied(operation, action, "an untagged cluster named as a copy", "cluster", copy, Map.of()));
            probes.add(denied(operation, action, "a cluster whose name and lifecycle tag disagree", "cluster",
                    RDS + "cluster:other-2026-01-01", copyTags("test", "staging", "promoted")));
            probes.add(denied(operation, action, "a retired copy", "cluster", copy, copyTags("test", "staging", "retired")));
            probes.add(denied(operation, other, "the promoted copy", "cluster", copy,
                    copyTags("test", "staging", "promoted")));
            for (String change : List.of("rds:DeleteDBCluster", "rds:ModifyDBCluster", "rds:RebootDBCluster",
                    "rds:FailoverDBCluster")) {
                probes.add(denied(operation, change, "the promoted copy", "cluster", copy,
                        copyTags("test", "staging", "promoted")));
            }
            probes.add(denied(operation, "rds:DeleteDBInstance", "the promoted copy's instance", "db",
                    RDS + "db:" + COPY, copyTags("test", "staging", "promoted")));
            probes.add(new Probe(operation.cliName() + " must not move a copy's stage", operation,
                    "rds:AddTagsToResource", "cluster", copy, copyTags("test", "staging", "promoted"),
                    move("staging", "retired"), false));
        }
        // Promote stops the copy it retires (stopRetired) and the one it serves outside the running hours, and starts
        // the new copy it checks; retire, modify and rollback start the copy they work on. None stops the source.
        probes.add(allowed(Operation.PROMOTE, "rds:StopDBCluster", "the copy it retired (stopRetired)", "cluster",
                copy, copyTags("test", "staging", "retired")));
        probes.add(allowed(Operation.PROMOTE, "rds:StopDBCluster", "the copy it served, outside running hours",
                "cluster", copy, copyTags("test", "staging", "promoted")));
        probes.add(allowed(Operation.PROMOTE, "rds:StartDBCluster", "a stopped modified copy (its checks)", "cluster",
                copy, copyTags("test", "staging", "modified")));
        probes.add(denied(Operation.PROMOTE, "rds:StopDBCluster", "the source", "cluster", RDS + "cluster:production",
                Map.of()));
        probes.add(denied(Operation.PROMOTE, "rds:StopDBCluster", "another environment's copy", "cluster", copy,
                copyTags("prod", "staging", "retired")));
        Map<Operation, String> starts = new java.util.EnumMap<>(Map.of(Operation.RETIRE, "retired",
                Operation.MODIFY, "new", Operation.ROLLBACK, "retired"));
        starts.forEach((operation, stage) -> {
            probes.add(allowed(operation, "rds:StartDBCluster", "a stopped " + stage + " copy", "cluster", copy,
                    copyTags("test", "staging", stage)));
            probes.add(denied(operation, "rds:StartDBCluster", "the source", "cluster", RDS + "cluster:production",
                    Map.of()));
            probes.add(denied(operation, "rds:StartDBCluster", "another environment's copy", "cluster", copy,
                    copyTags("prod", "staging", stage)));
            probes.add(denied(operation, "rds:StopDBCluster", "a " + stage + " copy", "cluster", copy,
                    copyTags("test", "staging", stage)));
        });
        for (String action : List.of("rds:StopDBCluster", "rds:StartDBCluster")) {
            probes.add(denied(Operation.NEW, action, "a new copy", "cluster", copy, copyTags("test", "staging", "new")));
        }
        return probes;
    }

    /** Promote's checks ({@code verify}) read a modified copy through the Data API, and nothing else. */
    private static List<Probe> checks(String secret) {
        List<Probe> probes = new ArrayList<>();
        String copy = RDS + "cluster:" + COPY;
        probes.add(allowed(Operation.PROMOTE, "rds-data:ExecuteStatement", "a modified copy (a check)", "cluster", copy,
                copyTags("test", "staging", "modified")));
        probes.add(denied(Operation.PROMOTE, "rds-data:ExecuteStatement", "the promoted copy", "cluster", copy,
                copyTags("test", "staging", "promoted")));
        probes.add(denied(Operation.PROMOTE, "rds-data:ExecuteStatement", "the source", "cluster",
                RDS + "cluster:production", Map.of()));
        probes.add(denied(Operation.PROMOTE, "rds-data:ExecuteStatement", "another environment's copy", "cluster", copy,
                copyTags("prod", "staging", "modified")));
        probes.add(denied(Operation.PROMOTE, "rds-data:BeginTransaction", "a modified copy (checks need none)", "cluster",
                copy, copyTags("test", "staging", "modified")));
        probes.add(denied(Operation.PROMOTE, "rds:EnableHttpEndpoint", "a modified copy (modify enables it)", "cluster",
                copy, copyTags("test", "staging", "modified")));
        probes.add(new Probe("promote reads a copy's managed secret (a check)", Operation.PROMOTE,
                "secretsmanager:GetSecretValue", "Secret", secret,
                Map.of("aws:ResourceTag/aws:rds:primaryDBClusterArn", copy), Map.of(), true));
        probes.add(new Probe("promote must not read another cluster's secret", Operation.PROMOTE,
                "secretsmanager:GetSecretValue", "Secret", secret,
                Map.of("aws:ResourceTag/aws:rds:primaryDBClusterArn", RDS + "cluster:production"), Map.of(), false));
        return probes;
    }

    /**
     * RDS creates and tags a copy's managed secret, and describes Secrets Manager's key, with modify's credentials
     * (a forward access session through RDS); modify itself may do none of it, nor may RDS for a secret not named as
     * RDS names its own.
     */
    private static List<Probe> managedSecret(String secret) {
        List<Probe> probes = new ArrayList<>();
        String other = "arn:aws:secretsmanager:us-east-1:123456789012:secret:production/app-AbCdEf";
        for (String action : List.of("secretsmanager:CreateSecret", "secretsmanager:TagResource")) {
            probes.add(new Probe("modify lets RDS " + action + " a copy's secret", Operation.MODIFY, action, "Secret",
                    secret, Map.of(), through("rds.amazonaws.com"), true));
            probes.add(new Probe("modify must not " + action + " itself (not through RDS)", Operation.MODIFY, action,
                    "Secret", secret, Map.of(), Map.of("aws:ViaAWSService", "false"), false));
            probes.add(new Probe("modify must not let another service " + action, Operation.MODIFY, action, "Secret",
                    secret, Map.of(), through("cloudformation.amazonaws.com"), false));
            probes.add(new Probe("modify must not let RDS " + action + " a secret not named rds!cluster-",
                    Operation.MODIFY, action, "Secret", other, Map.of(), through("rds.amazonaws.com"), false));
        }
        String key = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
        Map<String, Object> viaRds = new LinkedHashMap<>(through("rds.amazonaws.com"));
        viaRds.put("kms:ViaService", "rds.us-east-1.amazonaws.com");
        probes.add(new Probe("modify lets RDS describe Secrets Manager's key", Operation.MODIFY, "kms:DescribeKey",
                "key", key, Map.of("kms:ResourceAliases", List.of("alias/aws/secretsmanager")), viaRds, true));
        probes.add(new Probe("modify must not let RDS describe another key", Operation.MODIFY, "kms:DescribeKey",
                "key", key, Map.of("kms:ResourceAliases", List.of("alias/production")), viaRds, false));
        probes.add(new Probe("modify must not describe Secrets Manager's key itself", Operation.MODIFY,
                "kms:DescribeKey", "key", key, Map.of("kms:ResourceAliases", List.of("alias/aws/secretsmanager")),
                Map.of("aws:ViaAWSService", "false"), false));
        return probes;
    }

    /** A call a service makes with the role's credentials: the context of a forward access session. */
    private static Map<String, Object> through(String service) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("aws:ViaAWSService", "true");
        context.put("aws:CalledVia", List.of(service));
        context.put("aws:CalledViaFirst", service);
        context.put("aws:CalledViaLast", service);
        return context;
    }

    /**
     * Lambda delivers each asynchronous run's record with the function's own role: a failure to the alarm topic
     * (on-failure destination), a success to the result bus (on-success destination). Nowhere else.
     */
    static List<Probe> destinations(String alarmTopic) {
        String topics = alarmTopic.substring(0, alarmTopic.lastIndexOf(':') + 1);
        String buses = "arn:aws:events:us-east-1:123456789012:event-bus/";
        List<Probe> probes = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            probes.add(new Probe(operation.cliName() + " sends a failed run's record to the alarm topic", operation,
                    "sns:Publish", "topic", alarmTopic, Map.of(), Map.of(), true));
            probes.add(new Probe(operation.cliName() + " must not publish to another topic", operation,
                    "sns:Publish", "topic", topics + "other-topic", Map.of(), Map.of(), false));
            probes.add(new Probe(operation.cliName() + " sends a run's result to the result bus", operation,
                    "events:PutEvents", "event-bus", buses + "team-results", Map.of(), Map.of(), true));
            probes.add(new Probe(operation.cliName() + " must not put events on the default bus", operation,
                    "events:PutEvents", "event-bus", buses + "default", Map.of(), Map.of(), false));
        }
        return probes;
    }

    private static Probe allowed(Operation operation, String action, String what, String type, String arn,
                                 Map<String, Object> tags) {
        return new Probe(operation.cliName() + " " + action + " on " + what, operation, action, type, arn, tags,
                Map.of(), true);
    }

    private static Probe denied(Operation operation, String action, String what, String type, String arn,
                                Map<String, Object> tags) {
        return new Probe(operation.cliName() + " must not " + action + " on " + what, operation, action, type, arn,
                tags, Map.of(), false);
    }

    /** The tags a new copy of the lifecycle is created with, in environment {@code test}. */
    private static Map<String, Object> newCopyOf(String lifecycle) {
        Map<String, Object> newCopy = new LinkedHashMap<>();
        newCopy.put("aws:RequestTag/aurora-echo:" + lifecycle + ":stage", "new");
        newCopy.put("aws:RequestTag/aurora-echo:lifecycle", lifecycle);
        newCopy.put("aws:RequestTag/aurora-echo:stage", "new");
        newCopy.put("aws:RequestTag/aurora-echo:environment", "test");
        newCopy.put("aws:TagKeys", List.of("aurora-echo:" + lifecycle + ":stage", "aurora-echo:lifecycle",
                "aurora-echo:stage", "aurora-echo:environment"));
        return newCopy;
    }

    /** A stage move's request: both stage tags of the lifecycle (the key spelled {@code name}), and these times. */
    private static Map<String, Object> move(String name, String stage, String... times) {
        Map<String, Object> request = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of("aurora-echo:" + name + ":stage", "aurora-echo:stage"));
        request.put("aws:RequestTag/aurora-echo:" + name + ":stage", stage);
        request.put("aws:RequestTag/aurora-echo:stage", stage);
        for (String time : times) {
            keys.add("aurora-echo:" + name + ":" + time);
            request.put("aws:RequestTag/aurora-echo:" + name + ":" + time, "2026-01-02T06:00:00Z");
        }
        request.put("aws:TagKeys", keys);
        return request;
    }

    private static Map<String, Object> copyTags(String environment, String lifecycle, String stage) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("aws:ResourceTag/aurora-echo:environment", environment);
        tags.put("aws:ResourceTag/aurora-echo:lifecycle", lifecycle);
        tags.put("aws:ResourceTag/aurora-echo:stage", stage);
        tags.put("aws:ResourceTag/aurora-echo:" + lifecycle + ":stage", stage);
        return tags;
    }
}
