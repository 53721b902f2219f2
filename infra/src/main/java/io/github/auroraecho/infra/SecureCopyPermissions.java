package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Check;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * The statements only lifecycles with secure-copy settings get: RDS's use of KMS keys (the copy's and the source's),
 * modify's managed secret, Data API and SQL scripts, and promote's checks. Without such a lifecycle a role gets none
 * of them.
 */
final class SecureCopyPermissions {
    /** RDS names the secrets it manages for clusters {@code rds!cluster-<uuid>}. */
    static final String MANAGED_SECRET_NAME = "rds!cluster-*";
    /** The key Secrets Manager encrypts a secret with when RDS is given no MasterUserSecretKmsKeyId. */
    static final String SECRETS_KEY_ALIAS = "alias/aws/secretsmanager";
    /** RDS's service principal, as forward access sessions name it in aws:CalledVia. */
    static final String RDS = "rds.amazonaws.com";
    /** The tag RDS puts on a managed secret, naming the cluster it belongs to. */
    static final String SECRET_CLUSTER_TAG = "aws:rds:primaryDBClusterArn";

    private final PolicyScope scope;

    SecureCopyPermissions(PolicyScope scope) {
        this.scope = scope;
    }

    /**
     * RDS uses the keys on the caller's behalf: the copy's key ({@code kmsKeyId}) to encrypt it, and the source's
     * key, which the operator declares ({@code sourceKmsKeyArn}), to read the snapshot or cluster. Only through RDS,
     * and grants only for AWS resources. The key policy must allow it too (the default key policy delegates to IAM).
     */
    List<PolicyStatement> keys(List<LifecycleSchedule> lifecycles, Operation operation) {
        List<LifecycleConfig> configs = lifecycles.stream().map(l -> l.config(operation)).toList();
        List<String> via = distinct(configs, c -> List.of(scope.viaService("rds", scope.region(c))));
        List<PolicyStatement> statements = new ArrayList<>();
        List<LifecycleConfig> byKey = configs.stream().filter(c -> c.placement().kmsKeyId() != null && !isAlias(c.placement().kmsKeyId())).toList();
        List<LifecycleConfig> byAlias = configs.stream().filter(c -> c.placement().kmsKeyId() != null && isAlias(c.placement().kmsKeyId())).toList();
        if (!byKey.isEmpty()) {
            statements.addAll(use("CopyKeys", distinct(byKey, c -> List.of(keyArn(c))), List.of("kms:DescribeKey"),
                    via, Map.of()));
        }
        if (!byAlias.isEmpty()) {
            // An alias names no key in IAM: the keys that carry it, in its account and region.
            statements.addAll(use("CopyKeyAliases", distinct(byAlias, c -> List.of(aliasAccountKeys(c))),
                    List.of("kms:DescribeKey"), via, Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases",
                            distinct(byAlias, c -> List.of(aliasName(c.placement().kmsKeyId())))))));
        }
        List<String> sourceKeys = lifecycles.stream().map(LifecycleSchedule::sourceKmsKeyArn)
                .filter(key -> key != null && !LifecycleSchedule.UNENCRYPTED_SOURCE.equals(key)).distinct().toList();
        if (!sourceKeys.isEmpty()) {
            statements.addAll(use("SourceKeys", sourceKeys, List.of("kms:DescribeKey", "kms:Decrypt"), via, Map.of()));
        }
        return statements;
    }

    private List<PolicyStatement> use(String sid, List<String> keys, List<String> actions, List<String> via,
                                      Map<String, Object> extra) {
        Map<String, Object> use = new LinkedHashMap<>(extra);
        use.put("StringEquals", Map.of("kms:ViaService", via));
        Map<String, Object> grant = new LinkedHashMap<>(use);
        grant.put("Bool", Map.of("kms:GrantIsForAWSResource", "true"));
        return List.of(statement("Use" + sid, actions, keys, use),
                statement("Grant" + sid + "ToRds", List.of("kms:CreateGrant"), keys, grant));
    }

    /** Modify's settings (always), and the managed secret, Data API and scripts when a lifecycle uses them. */
    List<PolicyStatement> modify(List<LifecycleConfig> configs) {
        List<String> copies = scope.copies(configs, "cluster");
        List<PolicyStatement> statements = new ArrayList<>();
        // Backup retention and deletion protection are enforced on every copy, so retire can delete it.
        statements.add(statement("ModifyNewCopies", List.of("rds:ModifyDBCluster"), copies,
                scope.ofThisEnvironment(Stage.NEW)));
        List<String> groups = distinct(configs, c -> c.placement().dbClusterParameterGroupName() == null ? List.of()
                : List.of(scope.rdsArn(c, "cluster-pg", c.placement().dbClusterParameterGroupName().toLowerCase(Locale.ROOT))));
        if (!groups.isEmpty()) {
            statements.add(statement("UseClusterParameterGroups", List.of("rds:ModifyDBCluster"), groups, Map.of()));
        }
        List<LifecycleConfig> managed = configs.stream().filter(c -> c.modification().manageMasterUserPassword()).toList();
        if (!managed.isEmpty()) {
            statements.addAll(managedSecret(managed));
        }
        List<LifecycleConfig> scripted = configs.stream().filter(c -> !c.modification().sqlScripts().isEmpty()).toList();
        if (!scripted.isEmpty()) {
            List<String> scriptedCopies = scope.copies(scripted, "cluster");
            // Each statement runs in its own Data API transaction (SqlStatements), so it takes effect exactly once.
            statements.add(statement("RunSql", List.of("rds:EnableHttpEndpoint", "rds-data:BeginTransaction",
                    "rds-data:ExecuteStatement", "rds-data:CommitTransaction", "rds-data:RollbackTransaction"),
                    scriptedCopies, scope.ofThisEnvironment(Stage.NEW)));
            // The Data API reads the secret with the caller's permissions: only the secrets of the copies.
            statements.add(statement("ReadCopySecrets", List.of("secretsmanager:GetSecretValue"), secrets(scripted),
                    ofCopies(scripted)));
            Map<String, Object> progressOnly = new LinkedHashMap<>(scope.ofThisEnvironment(Stage.NEW));
            progressOnly.put("ForAllValues:StringEqualsIgnoreCase", Map.of("aws:TagKeys",
                    List.of(SqlProgress.tagKey("${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}"))));
            statements.add(statement("RecordSqlProgress", List.of("rds:AddTagsToResource"), scriptedCopies,
                    progressOnly));
            List<String> objects = distinct(scripted, c -> c.modification().sqlScripts().stream()
                    .filter(script -> script.s3Uri() != null)
                    .map(script -> "arn:" + scope.partition() + ":s3:::" + script.bucket() + "/" + script.key())
                    .toList());
            if (!objects.isEmpty()) {
                statements.add(statement("ReadSqlScripts", List.of("s3:GetObject"), objects, Map.of()));
            }
        }
        List<LifecycleConfig> checkedOnly = configs.stream()
                .filter(c -> !c.verification().isEmpty() && c.modification().sqlScripts().isEmpty()).toList();
        if (!checkedOnly.isEmpty()) {
            // Promote's checks run through the Data API; modify turns it on (with sqlScripts, RunSql allows it).
            statements.add(statement("EnableDataApiForChecks", List.of("rds:EnableHttpEndpoint"),
                    scope.copies(checkedOnly, "cluster"), scope.ofThisEnvironment(Stage.NEW)));
        }
        return statements;
    }

    /**
     * Promote's checks ({@code verify}), only for lifecycles that have them: one read-only ExecuteStatement at a time
     * (no transaction) on modified copies of this environment, signed in with the copy's managed secret, which the
     * Data API reads with the caller's permissions (RDS Data API, "Authorizing access to the RDS Data API":
     * the caller needs secretsmanager:GetSecretValue on the secret,
     * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.access.html), the checks kept in S3,
     * and the outcome's tags: the verification time on the modified copy, or the failing check on the copy it
     * moves to retired. Modify, not promote, enables the Data API on a copy whose lifecycle has checks.
     */
    List<PolicyStatement> verify(List<LifecycleConfig> configs) {
        List<LifecycleConfig> verified = configs.stream().filter(c -> !c.verification().isEmpty()).toList();
        if (verified.isEmpty()) {
            return List.of();
        }
        List<String> copies = scope.copies(verified, "cluster");
        String lifecycle = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}";
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                statement("RunChecks", List.of("rds-data:ExecuteStatement"), copies, scope.ofThisEnvironment(Stage.MODIFIED)),
                statement("ReadCopySecretsForChecks", List.of("secretsmanager:GetSecretValue"), secrets(verified),
                        ofCopies(verified)),
                scope.moveStage("RecordVerification", verified, List.of(TimeTag.VERIFIED.key(lifecycle)), Stage.MODIFIED),
                scope.moveStage("RecordRejection", verified, List.of(Verification.rejectedTagKey(lifecycle)),
                        Stage.RETIRED)));
        List<String> objects = distinct(verified, c -> c.verification().checks().stream()
                .map(Check::statement).filter(check -> check.s3Uri() != null)
                .map(check -> "arn:" + scope.partition() + ":s3:::" + check.bucket() + "/" + check.key())
                .toList());
        if (!objects.isEmpty()) {
            statements.add(statement("ReadChecks", List.of("s3:GetObject"), objects, Map.of()));
        }
        return statements;
    }

    /**
     * What RDS does with modify's credentials when it takes over a copy's master password. Aurora User Guide,
     * "Password management with Amazon Aurora and AWS Secrets Manager", permissions required
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html): "the user who
     * specifies that Aurora manages the master user password in Secrets Manager must have permissions to perform"
     * kms:DescribeKey ("to describe aws/secretsmanager"), secretsmanager:CreateSecret and secretsmanager:TagResource;
     * RotateSecret only "the user who rotates" (modify never does). RDS makes these calls as a forward access session,
     * which carries aws:CalledVia with RDS's service principal (IAM User Guide, "AWS global condition context keys"),
     * so the grant holds only through RDS, never for a call of the role's own, and only on the names RDS gives its
     * secrets. The cluster is not in the request: which copies may get a secret is decided by ModifyDBCluster (only
     * new copies of this environment).
     */
    private List<PolicyStatement> managedSecret(List<LifecycleConfig> managed) {
        Map<String, Object> throughRds = Map.of("ForAnyValue:StringEquals", Map.of("aws:CalledVia", List.of(RDS)));
        Map<String, Object> secretsKey = new LinkedHashMap<>();
        secretsKey.put("StringEquals", Map.of("kms:ViaService",
                distinct(managed, c -> List.of(scope.viaService("rds", scope.region(c))))));
        secretsKey.put("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.of(SECRETS_KEY_ALIAS)));
        return List.of(statement("CreateCopySecretsThroughRds", List.of("secretsmanager:CreateSecret",
                        "secretsmanager:TagResource"), secrets(managed), throughRds),
                statement("DescribeSecretsKeyThroughRds", List.of("kms:DescribeKey"), distinct(managed,
                        c -> List.of(kmsArn(scope.region(c), scope.account(), "key/*"))), secretsKey));
    }

    private List<String> secrets(List<LifecycleConfig> configs) {
        return distinct(configs, c -> List.of("arn:" + scope.partition() + ":secretsmanager:" + scope.region(c) + ":"
                + scope.account() + ":secret:" + MANAGED_SECRET_NAME));
    }

    /** The ARNs of these lifecycles' copies, as a managed secret's tag names its cluster. */
    private List<String> copyNames(List<LifecycleConfig> configs) {
        return distinct(configs, c -> List.of(scope.rdsArn(c, "cluster",
                c.managedName().toLowerCase(Locale.ROOT) + "-????-??-??*")));
    }

    private Map<String, Object> ofCopies(List<LifecycleConfig> configs) {
        return Map.of("StringLike", Map.of("aws:ResourceTag/" + SECRET_CLUSTER_TAG, copyNames(configs)));
    }

    private static boolean isAlias(String key) {
        return key.startsWith("alias/") || (key.startsWith("arn:") && key.contains(":alias/"));
    }

    private static String aliasName(String key) {
        return key.startsWith("arn:") ? key.split(":", 6)[5] : key;
    }

    private String keyArn(LifecycleConfig config) {
        String key = config.placement().kmsKeyId();
        return key.startsWith("arn:") ? key : kmsArn(scope.region(config), scope.account(), "key/" + key);
    }

    private String aliasAccountKeys(LifecycleConfig config) {
        String key = config.placement().kmsKeyId();
        if (!key.startsWith("arn:")) {
            return kmsArn(scope.region(config), scope.account(), "key/*");
        }
        String[] arn = key.split(":", 6);
        return kmsArn(arn[3], arn[4], "key/*");
    }

    private String kmsArn(String region, String account, String resource) {
        return "arn:" + scope.partition() + ":kms:" + region + ":" + account + ":" + resource;
    }
}
