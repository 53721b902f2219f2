package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extra permissions of secure copies, given only to the functions and lifecycles that use them: "handout"
 * restores a shared snapshot into a key alias and runs SQL with a managed secret; "analytics" clones into a key id
 * and uses no secret or SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureCopyPermissionsTest {
    private static final String ACCOUNT = "123456789012";
    private static final String HANDOUT_COPIES = "arn:${AWS::Partition}:rds:eu-west-1:" + ACCOUNT + ":cluster:handout-????-??-??*";
    private static final String COPIES = "arn:${AWS::Partition}:rds:eu-west-1:" + ACCOUNT
            + ":cluster:${aws:ResourceTag/aurora-echo:lifecycle}-????-??-??*";
    private static final String SECRETS = "arn:${AWS::Partition}:secretsmanager:eu-west-1:" + ACCOUNT + ":secret:rds!cluster-*";

    private AuroraEchoStack stack;
    private Map<String, Object> json;

    @BeforeAll
    void synth() throws URISyntaxException {
        Path settings = Path.of(SecureCopyPermissionsTest.class.getResource("/secure-environments.json").toURI());
        stack = Fixtures.stack(Settings.load(settings).environment("secure"));
        json = Template.fromStack(stack).toJSON();
    }

    private List<TemplateJson.Statement> statements(Operation operation) {
        String stage = operation.cliName();
        return TemplateJson.statements(json, Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + "Role");
    }

    private TemplateJson.Statement withSid(Operation operation, String sid) {
        return statements(operation).stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements(operation)));
    }

    @Test
    void modifyRunsSqlOnlyOnNewCopiesOfTheEnvironment() {
        TemplateJson.Statement sql = withSid(Operation.MODIFY, "RunSql");
        assertEquals(List.of("rds:EnableHttpEndpoint", "rds-data:BeginTransaction", "rds-data:ExecuteStatement",
                "rds-data:CommitTransaction", "rds-data:RollbackTransaction"), sql.actions());
        assertEquals(List.of(COPIES), sql.resources());
        assertEquals("new", sql.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
        assertEquals("secure", sql.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
        for (Operation operation : List.of(Operation.NEW, Operation.CLONE, Operation.PROMOTE, Operation.RETIRE)) {
            assertTrue(statements(operation).stream().noneMatch(s -> s.hasAction("rds-data:")
                    || s.hasAction("secretsmanager:") || s.hasAction("s3:")), operation + " needs no SQL permission");
        }
    }

    @Test
    void secretsAreReachableOnlyWhenTaggedWithACopyOfALifecycleThatUsesThem() {
        // handout manages its secret and runs SQL; analytics does neither, so no secret of its copies is reachable.
        TemplateJson.Statement read = withSid(Operation.MODIFY, "ReadCopySecrets");
        assertEquals(List.of("secretsmanager:GetSecretValue"), read.actions());
        assertEquals(List.of(SECRETS), read.resources());
        assertEquals(List.of(HANDOUT_COPIES), TemplateJson.asList(read.condition("StringLike",
                "aws:ResourceTag/" + SecureCopyPermissions.SECRET_CLUSTER_TAG)).stream().map(TemplateJson::flatten).toList());
        assertTrue(statements(Operation.MODIFY).stream().filter(s -> s.hasAction("secretsmanager:"))
                .allMatch(s -> !s.conditions().isEmpty()), "no unconditioned Secrets Manager statement");
    }

    @Test
    void rdsAloneCreatesAndTagsTheCopysSecretWithModifysCredentials() {
        TemplateJson.Statement create = withSid(Operation.MODIFY, "CreateCopySecretsThroughRds");
        assertEquals(List.of("secretsmanager:CreateSecret", "secretsmanager:TagResource"), create.actions());
        assertEquals(List.of(SECRETS), create.resources());
        assertEquals(List.of("rds.amazonaws.com"), TemplateJson.asList(create.condition("ForAnyValue:StringEquals",
                "aws:CalledVia")));
        TemplateJson.Statement key = withSid(Operation.MODIFY, "DescribeSecretsKeyThroughRds");
        assertEquals(List.of("kms:DescribeKey"), key.actions());
        assertEquals(List.of("arn:${AWS::Partition}:kms:eu-west-1:" + ACCOUNT + ":key/*"), key.resources());
        assertEquals(List.of("rds.eu-west-1.amazonaws.com"), TemplateJson.asList(key.condition("StringEquals",
                "kms:ViaService")));
        assertEquals(List.of("alias/aws/secretsmanager"), TemplateJson.asList(key.condition("ForAnyValue:StringEquals",
                "kms:ResourceAliases")));
        assertTrue(statements(Operation.MODIFY).stream().filter(s -> s.hasAction("secretsmanager:CreateSecret")
                || s.hasAction("secretsmanager:TagResource") || s.hasAction("secretsmanager:RotateSecret"))
                .allMatch(s -> create.sid().equals(s.sid())), "only RDS creates or tags, nobody rotates");
    }

    @Test
    void progressIsTheOnlyTagTheSqlStepWrites() {
        TemplateJson.Statement progress = withSid(Operation.MODIFY, "RecordSqlProgress");
        assertEquals(List.of("aurora-echo:${aws:ResourceTag/aurora-echo:lifecycle}:sql"),
                TemplateJson.asList(progress.condition("ForAllValues:StringEqualsIgnoreCase", "aws:TagKeys")));
        assertEquals("new", progress.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
    }

    @Test
    void scriptsAreReadFromTheirOwnObjectsOnly() {
        TemplateJson.Statement s3 = withSid(Operation.MODIFY, "ReadSqlScripts");
        assertEquals(List.of("s3:GetObject"), s3.actions());
        assertEquals(List.of("arn:${AWS::Partition}:s3:::sanitizing-scripts/app/drop-payments.sql"), s3.resources());
    }

    @Test
    void modifyMayEnforceSettingsButOnlyOnNewCopies() {
        TemplateJson.Statement modify = withSid(Operation.MODIFY, "ModifyNewCopies");
        assertEquals(List.of("rds:ModifyDBCluster"), modify.actions());
        assertEquals(List.of(COPIES), modify.resources());
        assertEquals("new", modify.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
        assertEquals(List.of("arn:${AWS::Partition}:rds:eu-west-1:" + ACCOUNT + ":cluster-pg:handout-cluster"),
                withSid(Operation.MODIFY, "UseClusterParameterGroups").resources());
    }

    @Test
    void keysAreUsableOnlyThroughRdsAndOnlyByTheStageThatRestores() {
        TemplateJson.Statement byAlias = withSid(Operation.NEW, "GrantCopyKeyAliasesToRds");
        assertEquals(List.of("kms:CreateGrant"), byAlias.actions());
        assertEquals(List.of("arn:${AWS::Partition}:kms:eu-west-1:" + ACCOUNT + ":key/*"), byAlias.resources());
        assertEquals(List.of("alias/handout-copies"), TemplateJson.asList(
                byAlias.condition("ForAnyValue:StringEquals", "kms:ResourceAliases")));
        assertEquals(List.of("rds.eu-west-1.amazonaws.com"), TemplateJson.asList(
                byAlias.condition("StringEquals", "kms:ViaService")));
        assertEquals("true", byAlias.condition("Bool", "kms:GrantIsForAWSResource"));
        TemplateJson.Statement byId = withSid(Operation.CLONE, "UseCopyKeys");
        assertEquals(List.of("kms:DescribeKey"), byId.actions());
        assertEquals(List.of("arn:${AWS::Partition}:kms:eu-west-1:" + ACCOUNT
                + ":key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"), byId.resources());
        for (Operation operation : List.of(Operation.PROMOTE, Operation.RETIRE)) {
            assertTrue(statements(operation).stream().noneMatch(s -> s.hasAction("kms:")), operation + " uses no key");
        }
        assertEquals(List.of("DescribeSecretsKeyThroughRds"), statements(Operation.MODIFY).stream()
                .filter(s -> s.hasAction("kms:")).map(TemplateJson.Statement::sid).toList(),
                "modify's only key is the managed secret's, which RDS describes");
    }

    @Test
    void theSharedSnapshotsKeyIsTheDeclaredOneAndOnlyThroughRds() {
        String key = "arn:aws:kms:eu-west-1:111122223333:key/1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809";
        TemplateJson.Statement use = withSid(Operation.NEW, "UseSourceKeys");
        assertEquals(List.of("kms:DescribeKey", "kms:Decrypt"), use.actions());
        assertEquals(List.of(key), use.resources());
        assertEquals(List.of("rds.eu-west-1.amazonaws.com"), TemplateJson.asList(
                use.condition("StringEquals", "kms:ViaService")));
        TemplateJson.Statement grant = withSid(Operation.NEW, "GrantSourceKeysToRds");
        assertEquals(List.of(key), grant.resources());
        assertEquals("true", grant.condition("Bool", "kms:GrantIsForAWSResource"));
        assertTrue(statements(Operation.CLONE).stream().noneMatch(s -> s.sid() != null && s.sid().contains("SourceKeys")),
                "analytics declares no source key");
    }

    @Test
    void aSharedSourceRestoresOnlySnapshotsOfTheSharingAccount() {
        TemplateJson.Statement sources = withSid(Operation.NEW, "UseSources");
        assertTrue(sources.resources().contains("arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:*"),
                sources.toString());
        assertTrue(sources.resources().stream().noneMatch(r -> r.contains(":" + ACCOUNT + ":cluster-snapshot:")),
                "no snapshot of this account: the source is the other account's");
    }

    @Test
    void modifyGetsTheLongTimeoutOnlyWhenSomeLifecycleRunsSql() {
        assertEquals(900, stack.sizeOf(Operation.MODIFY).timeoutSeconds());
    }

    @Test
    void theAwsSolutionsPackReportsNoUnsuppressedFinding() {
        assertEquals(List.of(), Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        assertEquals(List.of(), Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    }
}
