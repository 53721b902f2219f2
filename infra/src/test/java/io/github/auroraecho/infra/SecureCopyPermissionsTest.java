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
    void modifyRunsSqlOnlyOnNewCopiesOfTheLifecycleThatHasScripts() {
        TemplateJson.Statement sql = withSid(Operation.MODIFY, "RunSqlHandout");
        assertEquals(List.of("rds-data:BeginTransaction", "rds-data:ExecuteStatement", "rds-data:CommitTransaction",
                "rds-data:RollbackTransaction"), sql.actions());
        assertEquals(List.of(HANDOUT_COPIES), sql.resources());
        assertEquals("new", sql.condition("StringEquals", "aws:ResourceTag/aurora-echo:handout:stage"));
        assertEquals(List.of("rds:EnableHttpEndpoint"), withSid(Operation.MODIFY, "EnableDataApiHandout").actions());
        assertTrue(statements(Operation.MODIFY).stream().noneMatch(s -> s.hasAction("rds-data:")
                && s.resources().stream().anyMatch(r -> r.contains("analytics"))), "analytics runs no SQL");
        for (Operation operation : List.of(Operation.NEW, Operation.CLONE, Operation.PROMOTE, Operation.RETIRE)) {
            assertTrue(statements(operation).stream().noneMatch(s -> s.hasAction("rds-data:")
                    || s.hasAction("secretsmanager:") || s.hasAction("s3:")), operation + " needs no SQL permission");
        }
    }

    @Test
    void theDataApiReadsOnlyTheManagedSecretsOfTheLifecyclesCopies() {
        TemplateJson.Statement read = withSid(Operation.MODIFY, "ReadCopySecretsHandout");
        assertEquals(List.of("secretsmanager:GetSecretValue"), read.actions());
        assertEquals(List.of(SECRETS), read.resources());
        assertEquals(HANDOUT_COPIES, TemplateJson.flatten(read.condition("StringLike", SecureCopyPermissions.SECRET_CLUSTER_TAG)));
        TemplateJson.Statement create = withSid(Operation.MODIFY, "CreateManagedSecretHandout");
        assertEquals(List.of(SECRETS), create.resources());
        assertTrue(create.actions().contains("secretsmanager:CreateSecret"), create.toString());
        assertTrue(statements(Operation.MODIFY).stream().noneMatch(s -> s.sid() != null && s.sid().endsWith("Analytics")
                && s.hasAction("secretsmanager:")), "analytics manages no secret");
    }

    @Test
    void progressIsTheOnlyTagTheSqlStepWrites() {
        TemplateJson.Statement progress = withSid(Operation.MODIFY, "RecordSqlProgressHandout");
        assertEquals(List.of("aurora-echo:handout:sql"),
                TemplateJson.asList(progress.condition("ForAllValues:StringEquals", "aws:TagKeys")));
        assertEquals("new", progress.condition("StringEquals", "aws:ResourceTag/aurora-echo:handout:stage"));
    }

    @Test
    void scriptsAreReadFromTheirOwnObjectsOnly() {
        TemplateJson.Statement s3 = withSid(Operation.MODIFY, "ReadSqlScriptsHandout");
        assertEquals(List.of("s3:GetObject"), s3.actions());
        assertEquals(List.of("arn:${AWS::Partition}:s3:::sanitizing-scripts/app/drop-payments.sql"), s3.resources());
    }

    @Test
    void everyModifyMayEnforceSettingsButOnlyOnItsNewCopies() {
        for (String name : List.of("Handout", "Analytics")) {
            TemplateJson.Statement modify = withSid(Operation.MODIFY, "ModifyNewCopies" + name);
            assertEquals(List.of("rds:ModifyDBCluster"), modify.actions());
            assertEquals("new", modify.condition("StringEquals",
                    "aws:ResourceTag/aurora-echo:" + name.toLowerCase() + ":stage"));
        }
        assertEquals(List.of("arn:${AWS::Partition}:rds:eu-west-1:" + ACCOUNT + ":cluster-pg:handout-cluster"),
                withSid(Operation.MODIFY, "UseClusterParameterGroupHandout").resources());
    }

    @Test
    void theKeyIsUsableOnlyThroughRdsAndOnlyByTheStageThatRestores() {
        TemplateJson.Statement byAlias = withSid(Operation.NEW, "GrantCopyKeyToRdsHandout");
        assertEquals(List.of("kms:CreateGrant"), byAlias.actions());
        assertEquals(List.of("arn:${AWS::Partition}:kms:eu-west-1:" + ACCOUNT + ":key/*"), byAlias.resources());
        assertEquals(List.of("alias/handout-copies"), TemplateJson.asList(
                byAlias.condition("ForAnyValue:StringEquals", "kms:ResourceAliases")));
        assertEquals("rds.eu-west-1.amazonaws.com", byAlias.condition("StringEquals", "kms:ViaService"));
        assertEquals("true", byAlias.condition("Bool", "kms:GrantIsForAWSResource"));
        TemplateJson.Statement byId = withSid(Operation.CLONE, "UseCopyKeyAnalytics");
        assertEquals(List.of("kms:Decrypt", "kms:DescribeKey"), byId.actions());
        assertEquals(List.of("arn:${AWS::Partition}:kms:eu-west-1:" + ACCOUNT
                + ":key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"), byId.resources());
        for (Operation operation : List.of(Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE)) {
            assertTrue(statements(operation).stream().noneMatch(s -> s.hasAction("kms:")), operation + " uses no key");
        }
    }

    @Test
    void aSharedSourceRestoresOnlySnapshotsOfTheSharingAccount() {
        TemplateJson.Statement sources = withSid(Operation.NEW, "UseSourcesHandout");
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
