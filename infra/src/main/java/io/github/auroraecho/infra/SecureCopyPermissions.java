package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements only lifecycles with secure-copy settings get: a restore into their KMS key, a source
 * snapshot shared by another account, and modify's managed secret, Data API and SQL scripts. A lifecycle
 * that does not use a setting gets none of its permissions.
 */
final class SecureCopyPermissions {
    /** RDS names the secrets it manages for clusters {@code rds!cluster-<uuid>}. */
    static final String MANAGED_SECRET_NAME = "rds!cluster-*";
    /** The tag RDS puts on a managed secret, naming the cluster it belongs to. */
    static final String SECRET_CLUSTER_TAG = "secretsmanager:ResourceTag/aws:rds:primaryDBClusterArn";

    private final Stack stack;
    private final StagePermissions base;

    SecureCopyPermissions(Stack stack, StagePermissions base) {
        this.stack = stack;
        this.base = base;
    }

    /** What new restores from, when the source is another account's: that snapshot, or any of that cluster's. */
    List<String> sharedSnapshotSources(LifecycleConfig config) {
        if (config.source().sourceSnapshotArn() != null) {
            return List.of(config.source().sourceSnapshotArn());
        }
        // A shared snapshot's name is chosen by its owner: any snapshot of the owner's account and region.
        String[] cluster = config.source().sourceClusterName().split(":", 7);
        return List.of("arn:" + cluster[1] + ":rds:" + cluster[3] + ":" + cluster[4] + ":cluster-snapshot:*");
    }

    /** RDS encrypts the copy with the configured key on the caller's behalf: only through RDS, grants only for RDS. */
    List<PolicyStatement> useKey(LifecycleConfig config, String sid) {
        String region = region(config);
        String key = config.placement().kmsKeyId();
        List<String> resources;
        Map<String, Object> aliasCondition = new LinkedHashMap<>();
        if (key.startsWith("arn:") && key.contains(":key/")) {
            resources = List.of(key);
        } else if (!key.startsWith("arn:") && !key.startsWith("alias/")) {
            resources = List.of(kmsArn(region, stack.getAccount(), "key/" + key));
        } else {
            // An alias names no key in IAM: allow the keys that carry it, in its account and region.
            String[] arn = key.startsWith("arn:") ? key.split(":", 6) : null;
            String alias = arn == null ? key : arn[5];
            resources = List.of(arn == null ? kmsArn(region, stack.getAccount(), "key/*") : kmsArn(arn[3], arn[4], "key/*"));
            aliasCondition.put("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.of(alias)));
        }
        String viaRds = "rds." + region + ".amazonaws.com";
        Map<String, Object> use = new LinkedHashMap<>(aliasCondition);
        use.put("StringEquals", Map.of("kms:ViaService", viaRds));
        Map<String, Object> grant = new LinkedHashMap<>(aliasCondition);
        grant.put("StringEquals", Map.of("kms:ViaService", viaRds));
        grant.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        return List.of(
                StagePermissions.statement("UseCopyKey" + sid, List.of("kms:Decrypt", "kms:DescribeKey"), resources, use),
                StagePermissions.statement("GrantCopyKeyToRds" + sid, List.of("kms:CreateGrant"), resources, grant));
    }

    /** Modify's settings (always), and the managed secret, Data API and scripts when the lifecycle uses them. */
    List<PolicyStatement> modify(LifecycleConfig config, String sid) {
        String copies = base.rdsArn(config, "cluster", StagePermissions.copyPattern(config.managedName()));
        Map<String, Object> onNewCopies = Map.of("StringEquals",
                Map.of("aws:ResourceTag/" + config.stageTagKey(), Stage.NEW.tagValue()));
        List<PolicyStatement> statements = new ArrayList<>();
        // Backup retention and deletion protection are enforced on every copy, so retire can delete it.
        statements.add(StagePermissions.statement("ModifyNewCopies" + sid, List.of("rds:ModifyDBCluster"),
                List.of(copies), onNewCopies));
        if (config.placement().dbClusterParameterGroupName() != null) {
            statements.add(StagePermissions.statement("UseClusterParameterGroup" + sid, List.of("rds:ModifyDBCluster"),
                    List.of(base.rdsArn(config, "cluster-pg", config.placement().dbClusterParameterGroupName().toLowerCase(
                            java.util.Locale.ROOT))), Map.of()));
        }
        String managedSecrets = "arn:" + stack.getPartition() + ":secretsmanager:" + region(config) + ":"
                + stack.getAccount() + ":secret:" + MANAGED_SECRET_NAME;
        if (config.modification().manageMasterUserPassword()) {
            // RDS creates, tags and sets up rotation of the copy's secret with the caller's permissions.
            statements.add(StagePermissions.statement("CreateManagedSecret" + sid, List.of("secretsmanager:CreateSecret",
                    "secretsmanager:TagResource", "secretsmanager:RotateSecret"), List.of(managedSecrets), Map.of()));
        }
        if (!config.modification().sqlScripts().isEmpty()) {
            statements.add(StagePermissions.statement("EnableDataApi" + sid, List.of("rds:EnableHttpEndpoint"),
                    List.of(copies), onNewCopies));
            // Each statement runs in its own transaction (SqlStatements), so it takes effect exactly once.
            statements.add(StagePermissions.statement("RunSql" + sid, List.of("rds-data:BeginTransaction",
                    "rds-data:ExecuteStatement", "rds-data:CommitTransaction", "rds-data:RollbackTransaction"),
                    List.of(copies), onNewCopies));
            // The Data API reads the secret with the caller's permissions: only the secrets of this lifecycle's copies.
            statements.add(StagePermissions.statement("ReadCopySecrets" + sid, List.of("secretsmanager:GetSecretValue"),
                    List.of(managedSecrets), Map.of("StringLike", Map.of(SECRET_CLUSTER_TAG, copies))));
            Map<String, Object> progressOnly = new LinkedHashMap<>(onNewCopies);
            progressOnly.put("ForAllValues:StringEquals", Map.of("aws:TagKeys",
                    List.of(SqlProgress.tagKey(config.managedName()))));
            statements.add(StagePermissions.statement("RecordSqlProgress" + sid, List.of("rds:AddTagsToResource"),
                    List.of(copies), progressOnly));
            List<String> objects = config.modification().sqlScripts().stream().filter(script -> script.s3Uri() != null)
                    .map(script -> "arn:" + stack.getPartition() + ":s3:::" + script.bucket() + "/" + script.key())
                    .distinct().toList();
            if (!objects.isEmpty()) {
                statements.add(StagePermissions.statement("ReadSqlScripts" + sid, List.of("s3:GetObject"), objects,
                        Map.of()));
            }
        }
        return statements;
    }

    private String region(LifecycleConfig config) {
        return config.region() != null ? config.region() : stack.getRegion();
    }

    private String kmsArn(String region, String account, String resource) {
        return "arn:" + stack.getPartition() + ":kms:" + region + ":" + account + ":" + resource;
    }
}
