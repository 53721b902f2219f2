package io.github.auroraecho.stages;

import io.github.auroraecho.aws.ClusterChange;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.SqlProgress;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.stages.ModifySteps.Step;
import io.github.auroraecho.testing.Copies;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order of modify's steps and how an interrupted modify resumes, as pure functions of the copy RDS shows. */
class ModifyStepsTest {
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-1a2b-XyZ";
    private static final String ROLE = "arn:aws:iam::123456789012:role/s3-import";
    private static final IamRole S3_IMPORT = new IamRole(ROLE, "s3Import");
    private static final LifecycleConfig SECURE = LifecycleConfig.parse("""
            {"managedName": "staging", "iamRoleNames": [{"name": "%s", "featureName": "s3Import"}],
             "manageMasterUserPassword": true, "dbClusterParameterGroupName": "staging-params", "backupRetentionPeriod": 1,
             "sqlScripts": [{"sql": "UPDATE users SET email = 'x'"}, {"sql": "DELETE FROM sessions"},
                            {"s3": "s3://scripts-bucket/truncate-audit.sql"}]}""".formatted(ROLE), Operation.MODIFY);
    private static final LifecycleConfig PLAIN = LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY);

    /** A restored copy as RDS shows it before modify: production's password, its own retention, protection on. */
    private static Copy restored() {
        return with(Copies.copy("staging-2026-11-25", Stage.NEW, Instant.EPOCH), List.of(), Map.of(),
                new Copy.Settings("default.aurora-postgresql15", 7, false, null, null, "15.4"), true);
    }

    private static Copy with(Copy copy, List<String> roles, Map<String, String> extraTags, Copy.Settings settings,
                             boolean deletionProtection) {
        Map<String, String> tags = new HashMap<>(copy.clusterTags());
        tags.putAll(extraTags);
        return new Copy(copy.name(), copy.clusterArn(), copy.clusterStatus(), copy.engine(), copy.createdAt(),
                copy.endpoint(), copy.readerEndpoint(), deletionProtection, tags, roles, copy.instances(), settings);
    }

    /** The copy once every cluster setting is applied and the managed secret is active. */
    private static Copy settled(Map<String, String> tags, boolean httpEndpoint) {
        return with(restored(), List.of(ROLE), tags,
                new Copy.Settings("staging-params", 1, httpEndpoint, SECRET, "active", "15.4"), false);
    }

    private static Map<String, String> progress(int done) {
        return Map.of(SqlProgress.tagKey("staging"), SqlProgress.after(SECURE.modification().sqlScripts(), done).tagValue());
    }

    @Test
    void everyStepInOrderFromAFreshRestore() {
        List<Step> pending = ModifySteps.pending(restored(), SECURE, List.of(S3_IMPORT));
        assertEquals(List.of(
                new Step.AssociateRoles(List.of(S3_IMPORT)),
                new Step.ModifyCluster(new ClusterChange(true, "staging-params", 1L, true)),
                new Step.EnableDataApi(),
                new Step.RunSql(0, null),
                new Step.MarkModified()), pending);
        assertEquals(pending.get(0), ModifySteps.next(restored(), SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void oneModifyCallCarriesOnlyTheSettingsThatDiffer() {
        Copy copy = with(restored(), List.of(ROLE), Map.of(),
                new Copy.Settings("staging-params", 7, false, SECRET, "active", "15.4"), false);
        assertEquals(new Step.ModifyCluster(new ClusterChange(false, null, 1L, false)), ModifySteps.next(copy, SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void aPlainDocumentStillEnforcesOneDayOfBackupsAndNoDeletionProtection() {
        assertEquals(new Step.ModifyCluster(new ClusterChange(false, null, 1L, true)), ModifySteps.next(restored(), PLAIN, List.of()));
        Copy fine = with(restored(), List.of(), Map.of(), new Copy.Settings("default.aurora-postgresql15", 1, false, null, null, "15.4"), false);
        assertEquals(List.of(new Step.MarkModified()), ModifySteps.pending(fine, PLAIN, List.of()));
    }

    @Test
    void waitsForTheManagedSecretBeforeTheDataApi() {
        Copy creating = with(restored(), List.of(ROLE), Map.of(),
                new Copy.Settings("staging-params", 1, false, SECRET, "creating", "15.4"), false);
        Step step = ModifySteps.next(creating, SECURE, List.of(S3_IMPORT));
        assertInstanceOf(Step.Wait.class, step);
        assertTrue(((Step.Wait) step).why().contains("creating"), step.toString());
    }

    @Test
    void anImpairedSecretNeedsSomeone() {
        Copy impaired = with(restored(), List.of(ROLE), Map.of(),
                new Copy.Settings("staging-params", 1, true, SECRET, "impaired", "15.4"), false);
        assertInstanceOf(Step.Refuse.class, ModifySteps.next(impaired, SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void waitsWhileTheClusterIsModifying() {
        Copy copy = restored();
        Copy modifying = new Copy(copy.name(), copy.clusterArn(), "modifying", copy.engine(), copy.createdAt(),
                copy.endpoint(), copy.readerEndpoint(), false, copy.clusterTags(), List.of(ROLE), copy.instances(),
                new Copy.Settings("staging-params", 1, false, SECRET, "active", "15.4"));
        assertInstanceOf(Step.Wait.class, ModifySteps.next(modifying, SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void enablesTheDataApiThenRunsTheScriptsWithTheManagedSecret() {
        assertEquals(new Step.EnableDataApi(), ModifySteps.next(settled(Map.of(), false), SECURE, List.of(S3_IMPORT)));
        assertEquals(new Step.RunSql(0, SECRET), ModifySteps.next(settled(Map.of(), true), SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void anEngineVersionWithoutTheDataApiIsRefusedBeforeItIsEnabledOrAnyStatementSent() {
        for (boolean httpEndpoint : new boolean[] {false, true}) {
            Copy settled = settled(Map.of(), httpEndpoint);
            Copy old = with(settled, List.of(ROLE), Map.of(), new Copy.Settings("staging-params", 1, httpEndpoint, SECRET,
                    "active", "14.6"), false);
            Step step = ModifySteps.next(old, SECURE, List.of(S3_IMPORT));
            assertInstanceOf(Step.Refuse.class, step);
            assertTrue(((Step.Refuse) step).why().contains("not offered on aurora-postgresql 14.6; AWS offers it from 14.8 on"),
                    step.toString());
        }
        Copy oldWithoutSql = with(settled(progress(3), false), List.of(ROLE), progress(3),
                new Copy.Settings("staging-params", 1, false, SECRET, "active", "14.6"), false);
        assertEquals(new Step.MarkModified(), ModifySteps.next(oldWithoutSql, SECURE, List.of(S3_IMPORT)),
                "statements that all ran need no Data API");
    }

    @Test
    void resumesAfterTheLastStatementThatRan() {
        assertEquals(new Step.RunSql(2, SECRET), ModifySteps.next(settled(progress(2), true), SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void statementsThatRanAreNotRunAgainAndTheDataApiIsNotNeededAfterThem() {
        assertEquals(new Step.MarkModified(), ModifySteps.next(settled(progress(3), false), SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void aFixedFailingStatementResumesButChangedStatementsThatRanAreRefused() {
        Copy failedAtThird = settled(progress(2), true);
        LifecycleConfig thirdFixed = LifecycleConfig.parse("""
                {"managedName": "staging", "iamRoleNames": ["%s"], "manageMasterUserPassword": true,
                 "dbClusterParameterGroupName": "staging-params",
                 "sqlScripts": [{"sql": "UPDATE users SET email = 'x'"}, {"sql": "DELETE FROM sessions"},
                                {"sql": "TRUNCATE audit_log"}]}""".formatted(ROLE), Operation.MODIFY);
        assertEquals(new Step.RunSql(2, SECRET), ModifySteps.next(failedAtThird, thirdFixed, List.of(S3_IMPORT)));

        LifecycleConfig firstChanged = LifecycleConfig.parse("""
                {"managedName": "staging", "iamRoleNames": ["%s"], "manageMasterUserPassword": true,
                 "dbClusterParameterGroupName": "staging-params",
                 "sqlScripts": [{"sql": "UPDATE users SET email = 'y'"}, {"sql": "DELETE FROM sessions"}]}"""
                .formatted(ROLE), Operation.MODIFY);
        Step step = ModifySteps.next(failedAtThird, firstChanged, List.of(S3_IMPORT));
        assertInstanceOf(Step.Refuse.class, step);
        assertTrue(((Step.Refuse) step).why().contains("were changed or removed"), step.toString());
    }

    @Test
    void aProgressTagThatIsNotOursIsRefused() {
        Copy copy = settled(Map.of(SqlProgress.tagKey("staging"), "done"), true);
        assertInstanceOf(Step.Refuse.class, ModifySteps.next(copy, SECURE, List.of(S3_IMPORT)));
    }

    @Test
    void aRoleWithoutAFeatureNameIsRefusedOnAuroraPostgresqlBeforeAnyCall() {
        IamRole plain = new IamRole(ROLE, null);
        Step step = ModifySteps.next(restored(), PLAIN, List.of(S3_IMPORT, plain));
        assertEquals(new Step.Refuse("RDS requires a feature name to associate a role with an aurora-postgresql cluster, "
                + "and role " + ROLE + " has none (copy staging-2026-11-25): give it in iamRoleNames as "
                + "{\"name\": ..., \"featureName\": \"s3Import\"} with the feature the role is for"), step);
        Copy mysql = new Copy(restored().name(), restored().clusterArn(), "available", "aurora-mysql", Instant.EPOCH,
                "e", "r", true, restored().clusterTags(), List.of(), restored().instances(), restored().settings());
        assertEquals(new Step.AssociateRoles(List.of(plain)), ModifySteps.next(mysql, PLAIN, List.of(plain)),
                "Aurora MySQL takes a role without a feature name");
    }
}
