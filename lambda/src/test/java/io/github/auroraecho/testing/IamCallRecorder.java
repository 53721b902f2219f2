package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RecordNames;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records, for the IAM proof (infra's IamProofTest), every AWS call the engine makes during a lifecycle run, as IAM
 * authorizes it: the action, each resource it touches by resource type (including the default parameter and option
 * groups RDS applies when none is named) with that resource's tags as they were before the call, and the request's
 * condition keys. Calls AWS makes with the caller's permissions on its behalf (iam:PassRole, tagging on create,
 * RDS's use of KMS keys and of the managed secret, the Data API's reads of the secret, the final snapshot) are
 * recorded as calls of their own, naming the call they come from. A delete whose resource no longer exists (a
 * concurrent run deleted it first) is marked {@code gone}. One JSON object a line in
 * {@code target/iam-calls.jsonl}, for every test of the run.
 */
public final class IamCallRecorder implements ExecutionInterceptor {
    public static final Path FILE = Path.of("target", "iam-calls.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";

    static {
        try {
            Files.createDirectories(FILE.getParent());
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stage function a call belongs to, and the document it runs. */
    private record Run(Operation operation, String document) {
    }

    private final ThreadLocal<Run> run = new ThreadLocal<>();
    private final RdsClient admin;

    IamCallRecorder(RdsClient admin) {
        this.admin = admin;
    }

    /** Calls made inside the action are recorded as calls of the given stage running the document. */
    <T> T during(Operation operation, String document, java.util.function.Supplier<T> action) {
        run.set(new Run(operation, document));
        try {
            return action.get();
        } finally {
            run.remove();
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Run current = run.get();
        if (current == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        Calls calls = new Calls(current, region == null ? TestAccount.REGION : region);
        calls.describe(prefix(service), operation, context.request());
    }

    /** The IAM prefix of an SDK service name. */
    private static String prefix(String service) {
        return switch (service) {
            case "rdsdata" -> "rds-data";
            case "resourcegroupstaggingapi" -> "tag";
            default -> service;
        };
    }

    /** The records of one SDK call: the call itself, then what AWS does on the caller's behalf. */
    private final class Calls {
        private final Run run;
        private final String region;
        private final String partition;

        Calls(Run run, Region region) {
            this.run = run;
            this.region = region.id();
            this.partition = region.metadata() == null ? "aws" : region.metadata().partition().id();
        }

        void describe(String service, String operation, SdkRequest request) {
            String action = service + ":" + operation;
            ObjectNode call = call(action, null);
            switch (action) {
                case "rds:RestoreDBClusterFromSnapshot" -> restoreFromSnapshot(call, request);
                case "rds:RestoreDBClusterToPointInTime" -> clone(call, request);
                case "rds:CreateDBInstance" -> createInstance(call, request);
                case "rds:AddTagsToResource" -> {
                    String arn = field(request, "ResourceName");
                    resource(call, typeOf(arn), arn, tagsOf(arn));
                    requestTags(call, request);
                }
                case "rds:AddRoleToDBCluster" -> {
                    String cluster = field(request, "DBClusterIdentifier");
                    resource(call, "cluster", rdsArn("cluster", cluster), clusterTags(cluster));
                    ObjectNode pass = call("iam:PassRole", action);
                    resource(pass, "role", field(request, "RoleArn"), Map.of());
                    pass.with("context").put("iam:PassedToService", "rds.amazonaws.com");
                    write(pass);
                }
                case "rds:ModifyDBCluster" -> modifyCluster(call, request);
                case "rds:StopDBCluster", "rds:StartDBCluster" -> {
                    String cluster = field(request, "DBClusterIdentifier");
                    resource(call, "cluster", rdsArn("cluster", cluster), clusterTags(cluster));
                }
                case "rds:EnableHttpEndpoint" -> {
                    String arn = field(request, "ResourceArn");
                    resource(call, "cluster", arn, tagsOf(arn));
                }
                case "rds:DeleteDBInstance" -> {
                    String id = field(request, "DBInstanceIdentifier");
                    Optional<DBInstance> instance = instance(id);
                    resource(call, "db", rdsArn("db", id), instance.map(i -> tags(i.tagList())).orElse(Map.of()));
                    if (instance.isEmpty()) {
                        call.put("gone", true);
                    }
                }
                case "rds:DeleteDBCluster" -> deleteCluster(call, request);
                case "rds:DeleteDBClusterSnapshot" -> {
                    String id = field(request, "DBClusterSnapshotIdentifier");
                    resource(call, "cluster-snapshot", rdsArn("cluster-snapshot", id),
                            snapshot(id).map(snapshot -> tags(snapshot.tagList())).orElse(Map.of()));
                }
                case "rds:DescribeDBClusters" -> {
                    String id = field(request, "DBClusterIdentifier");
                    resource(call, "cluster", id == null ? "*" : rdsArn("cluster", id), Map.of());
                }
                case "rds:DescribeDBInstances", "rds:DescribeDBClusterSnapshots", "tag:GetResources" ->
                        resource(call, null, "*", Map.of());
                case "route53:ChangeResourceRecordSets" -> changeRecords(call, request);
                case "route53:GetHostedZone" -> resource(call, "hostedzone", zoneArn(field(request, "Id")), Map.of());
                case "route53:ListResourceRecordSets" ->
                        resource(call, "hostedzone", zoneArn(field(request, "HostedZoneId")), Map.of());
                case "route53:GetChange" -> resource(call, "change",
                        "arn:" + partition + ":route53:::change/" + lastSegment(field(request, "Id")), Map.of());
                case "rds-data:BeginTransaction", "rds-data:ExecuteStatement", "rds-data:CommitTransaction",
                     "rds-data:RollbackTransaction" -> dataApi(call, request);
                case "s3:GetObject" -> resource(call, "object", "arn:" + partition + ":s3:::" + field(request, "Bucket")
                        + "/" + field(request, "Key"), Map.of());
                case "sts:GetCallerIdentity" -> resource(call, null, "*", Map.of());
                // A parameter's ARN is "parameter" followed by its name, whose hierarchy starts with "/".
                case "ssm:GetParameter", "ssm:PutParameter" -> resource(call, "parameter",
                        "arn:" + partition + ":ssm:" + region + ":" + ACCOUNT + ":parameter" + field(request, "Name"), Map.of());
                default -> call.put("unknown", "the IAM call recorder does not know " + action
                        + ": teach testing.IamCallRecorder its resources and context");
            }
            write(call);
        }

        private void restoreFromSnapshot(ObjectNode call, SdkRequest request) {
            String name = field(request, "DBClusterIdentifier");
            String reference = field(request, "SnapshotIdentifier");
            String snapshotArn = reference.startsWith("arn:") ? reference : rdsArn("cluster-snapshot", reference);
            Optional<DBClusterSnapshot> snapshot = snapshot(reference);
            String engine = Optional.ofNullable(field(request, "Engine")).orElse(snapshot.map(DBClusterSnapshot::engine).orElse(null));
            String version = Optional.ofNullable(field(request, "EngineVersion"))
                    .orElse(snapshot.map(DBClusterSnapshot::engineVersion).orElse(null));
            resource(call, "cluster", rdsArn("cluster", name), Map.of());
            resource(call, "cluster-snapshot", snapshotArn, Map.of());
            copySources(call, request, engine, version);
            requestTags(call, request);
            tagOnCreate(call, "cluster", rdsArn("cluster", name));
            String sourceKey = snapshot.filter(s -> Boolean.TRUE.equals(s.storageEncrypted())).map(DBClusterSnapshot::kmsKeyId).orElse(null);
            keys(call, field(request, "KmsKeyId"), sourceKey);
        }

        private void clone(ObjectNode call, SdkRequest request) {
            String name = field(request, "DBClusterIdentifier");
            String source = field(request, "SourceDBClusterIdentifier");
            Optional<DBCluster> sourceCluster = cluster(source);
            resource(call, "cluster", rdsArn("cluster", name), Map.of());
            String sourceArn = source.startsWith("arn:") ? source : rdsArn("cluster", source);
            resource(call, "cluster", sourceArn, sourceCluster.map(c -> tags(c.tagList())).orElse(Map.of()));
            copySources(call, request, sourceCluster.map(DBCluster::engine).orElse(null),
                    sourceCluster.map(DBCluster::engineVersion).orElse(null));
            requestTags(call, request);
            tagOnCreate(call, "cluster", rdsArn("cluster", name));
            String sourceKey = sourceCluster.filter(c -> Boolean.TRUE.equals(c.storageEncrypted()))
                    .map(DBCluster::kmsKeyId).orElse(null);
            keys(call, field(request, "KmsKeyId"), sourceKey);
        }

        /** The subnet group and the cluster parameter and option groups a new cluster is made with. */
        private void copySources(ObjectNode call, SdkRequest request, String engine, String version) {
            resource(call, "subgrp", rdsArn("subgrp", field(request, "DBSubnetGroupName")), Map.of());
            String clusterGroup = field(request, "DBClusterParameterGroupName");
            resource(call, "cluster-pg", rdsArn("cluster-pg", clusterGroup != null ? clusterGroup
                    : RdsDefaults.parameterGroup(engine, version)), Map.of());
            resource(call, "og", rdsArn("og", RdsDefaults.optionGroup(engine, version)), Map.of());
        }

        private void createInstance(ObjectNode call, SdkRequest request) {
            String name = field(request, "DBInstanceIdentifier");
            String clusterId = field(request, "DBClusterIdentifier");
            Optional<DBCluster> cluster = cluster(clusterId);
            String engine = cluster.map(DBCluster::engine).orElse(field(request, "Engine"));
            String version = cluster.map(DBCluster::engineVersion).orElse(null);
            resource(call, "db", rdsArn("db", name), Map.of());
            resource(call, "cluster", rdsArn("cluster", clusterId), cluster.map(c -> tags(c.tagList())).orElse(Map.of()));
            String group = field(request, "DBParameterGroupName");
            resource(call, "pg", rdsArn("pg", group != null ? group : RdsDefaults.parameterGroup(engine, version)), Map.of());
            resource(call, "og", rdsArn("og", RdsDefaults.optionGroup(engine, version)), Map.of());
            requestTags(call, request);
            tagOnCreate(call, "db", rdsArn("db", name));
        }

        private void modifyCluster(ObjectNode call, SdkRequest request) {
            String id = field(request, "DBClusterIdentifier");
            String arn = rdsArn("cluster", id);
            resource(call, "cluster", arn, clusterTags(id));
            String group = field(request, "DBClusterParameterGroupName");
            if (group != null) {
                resource(call, "cluster-pg", rdsArn("cluster-pg", group), Map.of());
            }
            if (Boolean.TRUE.equals(request.getValueForField("ManageMasterUserPassword", Boolean.class).orElse(null))) {
                call.with("context").put("rds:ManageMasterUserPassword", "true");
                managedSecret(call.get("action").asText());
            }
        }

        /**
         * What RDS does with the caller's credentials when it takes over the master password (Aurora User Guide,
         * "Password management with Amazon Aurora and AWS Secrets Manager", permissions required): describes the key
         * of the secret (Secrets Manager's aws/secretsmanager: no MasterUserSecretKmsKeyId is given), creates and tags
         * the secret, named rds!cluster-<uuid>. As forward access sessions: with only the context AWS documents for
         * them, nothing of the secret's tags.
         */
        private void managedSecret(String action) {
            ObjectNode describe = kmsCall("kms:DescribeKey", action, keyResource("alias/aws/secretsmanager"),
                    "rds." + region + ".amazonaws.com");
            write(onBehalf(describe, "rds.amazonaws.com"));
            String secret = "arn:" + partition + ":secretsmanager:" + region + ":" + ACCOUNT + ":secret:rds!cluster-"
                    + UUID.randomUUID() + "-AbCdEf";
            for (String secrets : List.of("secretsmanager:CreateSecret", "secretsmanager:TagResource")) {
                ObjectNode next = call(secrets, action);
                resource(next, "Secret", secret, Map.of());
                write(onBehalf(next, "rds.amazonaws.com"));
            }
        }

        /**
         * A call a service makes with the caller's credentials (a forward access session): IAM User Guide, "AWS global
         * condition context keys", aws:ViaAWSService is true and aws:CalledVia, aws:CalledViaFirst and
         * aws:CalledViaLast name the service.
         */
        private ObjectNode onBehalf(ObjectNode call, String service) {
            ObjectNode context = call.with("context");
            context.put("aws:ViaAWSService", "true");
            context.putArray("aws:CalledVia").add(service);
            context.put("aws:CalledViaFirst", service);
            context.put("aws:CalledViaLast", service);
            return call;
        }

        private void deleteCluster(ObjectNode call, SdkRequest request) {
            String id = field(request, "DBClusterIdentifier");
            Optional<DBCluster> cluster = cluster(id);
            Map<String, String> tags = cluster.map(c -> tags(c.tagList())).orElse(Map.of());
            resource(call, "cluster", rdsArn("cluster", id), tags);
            if (cluster.isEmpty()) {
                call.put("gone", true);
            }
            String finalSnapshot = field(request, "FinalDBSnapshotIdentifier");
            if (finalSnapshot == null) {
                call.with("notApplicable").put("cluster-snapshot", "SkipFinalSnapshot: no final snapshot is made");
                return;
            }
            String snapshotArn = rdsArn("cluster-snapshot", finalSnapshot);
            resource(call, "cluster-snapshot", snapshotArn, Map.of());
            // Since 2025 RDS makes the final snapshot with the caller's permissions: CreateDBClusterSnapshot on the
            // cluster and the snapshot, and AddTagsToResource on the snapshot when it copies the cluster's tags to it
            // (CopyTagsToSnapshot); recorded whether or not the copy has it set, so that either kind can be deleted.
            ObjectNode create = call("rds:CreateDBClusterSnapshot", "rds:DeleteDBCluster");
            resource(create, "cluster", rdsArn("cluster", id), tags);
            resource(create, "cluster-snapshot", snapshotArn, Map.of());
            write(create);
            if (!tags.isEmpty()) {
                ObjectNode tagging = call("rds:AddTagsToResource", "rds:DeleteDBCluster");
                resource(tagging, "cluster-snapshot", snapshotArn, Map.of());
                putTags(tagging, tags);
                write(tagging);
            }
        }

        private void changeRecords(ObjectNode call, SdkRequest request) {
            resource(call, "hostedzone", zoneArn(field(request, "HostedZoneId")), Map.of());
            var batch = request.getValueForField("ChangeBatch", software.amazon.awssdk.services.route53.model.ChangeBatch.class)
                    .orElseThrow();
            ObjectNode context = call.with("context");
            ArrayNode names = context.putArray("route53:ChangeResourceRecordSetsNormalizedRecordNames");
            ArrayNode types = context.putArray("route53:ChangeResourceRecordSetsRecordTypes");
            ArrayNode actions = context.putArray("route53:ChangeResourceRecordSetsActions");
            batch.changes().forEach(change -> {
                names.add(RecordNames.normalized(change.resourceRecordSet().name()));
                types.add(change.resourceRecordSet().typeAsString());
                actions.add(change.actionAsString());
            });
        }

        /** A Data API call (a statement, or the transaction it runs in) on the copy, with the copy's secret. */
        private void dataApi(ObjectNode call, SdkRequest request) {
            String cluster = field(request, "resourceArn");
            resource(call, "cluster", cluster, tagsOf(cluster));
            // The Data API reads the secret with the caller's permissions on every call that names it; RDS tags its
            // managed secret with the cluster's ARN.
            ObjectNode read = call("secretsmanager:GetSecretValue", call.get("action").asText());
            resource(read, "Secret", field(request, "secretArn"), Map.of("aws:rds:primaryDBClusterArn", cluster));
            write(read);
        }

        /** RDS's use of KMS on the caller's behalf: the copy's key, and the source's when that is another. */
        private void keys(ObjectNode call, String copyKey, String sourceKey) {
            String via = "rds." + region + ".amazonaws.com";
            String action = call.get("action").asText();
            if (copyKey != null) {
                ObjectNode key = keyResource(copyKey);
                for (String kms : List.of("kms:DescribeKey", "kms:CreateGrant")) {
                    write(kmsCall(kms, action, key, via));
                }
            }
            if (sourceKey != null && !sourceKey.equals(copyKey)) {
                ObjectNode key = keyResource(sourceKey);
                for (String kms : List.of("kms:DescribeKey", "kms:CreateGrant", "kms:Decrypt")) {
                    write(kmsCall(kms, action, key, via));
                }
            }
        }

        private ObjectNode kmsCall(String kms, String via, ObjectNode key, String viaService) {
            ObjectNode call = call(kms, via);
            call.withArray("resources").add(key.deepCopy());
            ObjectNode context = call.with("context");
            context.put("kms:ViaService", viaService);
            context.put("kms:CallerAccount", ACCOUNT);
            if (kms.equals("kms:CreateGrant")) {
                context.put("kms:GrantIsForAWSResource", "true");
            }
            call.put("keyPolicy", "default");
            return call;
        }

        /** A key by id, key ARN or alias: an alias names no key, so the record names a key that carries it. */
        private ObjectNode keyResource(String key) {
            ObjectNode resource = JSON.createObjectNode().put("type", "key");
            String[] arn = key.startsWith("arn:") ? key.split(":", 6) : null;
            String keyRegion = arn == null ? region : arn[3];
            String keyAccount = arn == null ? ACCOUNT : arn[4];
            String keyPartition = arn == null ? partition : arn[1];
            String name = arn == null ? key : arn[5];
            if (name.startsWith("alias/")) {
                resource.put("arn", "arn:" + keyPartition + ":kms:" + keyRegion + ":" + keyAccount + ":key/"
                        + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
                resource.with("context").putArray("kms:ResourceAliases").add(name);
            } else {
                resource.put("arn", "arn:" + keyPartition + ":kms:" + keyRegion + ":" + keyAccount + ":"
                        + (name.startsWith("key/") ? name : "key/" + name));
            }
            return resource;
        }

        /** RDS authorizes the tags of a create call as rds:AddTagsToResource on the new resource too. */
        private void tagOnCreate(ObjectNode call, String type, String arn) {
            if (!call.path("context").has("aws:TagKeys")) {
                return;
            }
            ObjectNode tagging = call("rds:AddTagsToResource", call.get("action").asText());
            resource(tagging, type, arn, Map.of());
            tagging.set("context", call.get("context").deepCopy());
            write(tagging);
        }

        private void requestTags(ObjectNode call, SdkRequest request) {
            List<?> tags = request.getValueForField("Tags", List.class).orElse(List.of());
            if (tags.isEmpty()) {
                return;
            }
            putTags(call, tags((List<Tag>) tags));
        }

        private void putTags(ObjectNode call, Map<String, String> tags) {
            ObjectNode context = call.with("context");
            ArrayNode keys = context.putArray("aws:TagKeys");
            tags.forEach((key, value) -> {
                context.put("aws:RequestTag/" + key, value);
                keys.add(key);
            });
        }

        private ObjectNode call(String action, String via) {
            ObjectNode call = JSON.createObjectNode();
            call.put("function", run.operation().cliName());
            call.put("document", run.document());
            call.put("action", action);
            if (via != null) {
                call.put("via", via);
            }
            call.putArray("resources");
            call.putObject("context");
            return call;
        }

        private void resource(ObjectNode call, String type, String arn, Map<String, String> tags) {
            ObjectNode resource = call.withArray("resources").addObject();
            if (type != null) {
                resource.put("type", type);
            }
            resource.put("arn", arn);
            ObjectNode context = resource.putObject("context");
            tags.forEach((key, value) -> context.put("aws:ResourceTag/" + key, value));
        }

        private String rdsArn(String type, String name) {
            if (name.startsWith("arn:")) {
                return name;
            }
            // RDS keeps identifiers and group names in lower case; an option group's name keeps its colon.
            return "arn:" + partition + ":rds:" + region + ":" + ACCOUNT + ":" + type + ":" + name.toLowerCase(Locale.ROOT);
        }

        private String zoneArn(String id) {
            return "arn:" + partition + ":route53:::hostedzone/" + lastSegment(id);
        }

        private Map<String, String> tagsOf(String arn) {
            String type = typeOf(arn);
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            return switch (type) {
                case "cluster" -> clusterTags(name);
                case "db" -> instance(name).map(i -> tags(i.tagList())).orElse(Map.of());
                default -> Map.of();
            };
        }

        private Map<String, String> clusterTags(String id) {
            return cluster(id).map(c -> tags(c.tagList())).orElse(Map.of());
        }
    }

    private Optional<DBCluster> cluster(String id) {
        try {
            return admin.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().stream().findFirst();
        } catch (software.amazon.awssdk.services.rds.model.RdsException e) {
            return Optional.empty();
        }
    }

    private Optional<DBInstance> instance(String id) {
        try {
            return admin.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().stream().findFirst();
        } catch (software.amazon.awssdk.services.rds.model.RdsException e) {
            return Optional.empty();
        }
    }

    private Optional<DBClusterSnapshot> snapshot(String reference) {
        try {
            if (reference.startsWith("arn:")) {
                return admin.describeDBClusterSnapshots(r -> r.snapshotType("shared").includeShared(true))
                        .dbClusterSnapshots().stream().filter(s -> reference.equals(s.dbClusterSnapshotArn())).findFirst();
            }
            return admin.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier(reference))
                    .dbClusterSnapshots().stream().findFirst();
        } catch (software.amazon.awssdk.services.rds.model.RdsException e) {
            return Optional.empty();
        }
    }

    private static String typeOf(String arn) {
        return arn.split(":", 7)[5];
    }

    private static String lastSegment(String id) {
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private static String field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class).orElse(null);
    }

    private static Map<String, String> tags(Collection<Tag> tags) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value() == null ? "" : tag.value()));
        return map;
    }

    private static synchronized void write(ObjectNode call) {
        try {
            Files.writeString(FILE, JSON.writeValueAsString(call) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
