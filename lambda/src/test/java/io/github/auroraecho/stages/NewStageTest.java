package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.rds.model.RestoreDbClusterFromSnapshotRequest;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(EmulatorExtension.class)
class NewStageTest {
    private static final String KEY = Stage.tagKey("staging");

    private static ObjectNode document() {
        return TestAccount.document("staging", "prod", "Z1");
    }

    @Test
    void restoresTheNewestAvailableSnapshotOfTheSourceOnly(TestAccount aws) throws InterruptedException {
        aws.sourceCluster("prod");
        aws.sourceCluster("other");
        aws.snapshot("prod", "prod-old");
        Thread.sleep(1100);
        aws.snapshot("prod", "prod-newest");
        Thread.sleep(1100);
        aws.snapshot("other", "other-newer-still");

        Result result = aws.run(Operation.NEW, document());

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertTrue(result.message().contains("prod-newest"), result.message());
        Copy copy = aws.copies("staging").get(0);
        assertEquals(result.copy(), copy.name());
        assertEquals("aurora-postgresql", copy.engine());
        assertEquals(1, copy.instances().size());
        assertEquals("new", copy.clusterTags().get(KEY));
        assertEquals("new", copy.instances().get(0).tags().get(KEY));
    }

    @Test
    void carriesTheDocumentsTagsAndNotTheSourcesOnClusterAndInstance(TestAccount aws) {
        aws.sourceCluster("prod", Tag.builder().key("environment").value("production").build());
        aws.snapshot("prod", "prod-1");
        ObjectNode doc = document();
        doc.putObject("tags").put("team", "data");

        aws.run(Operation.NEW, doc);

        Copy copy = aws.copies("staging").get(0);
        Map<String, String> expected = Map.of(KEY, "new", "team", "data", "aurora-echo:lifecycle", "staging",
                "aurora-echo:stage", "new", "aurora-echo:environment", "test");
        java.time.Instant snapshotTime = aws.rds().describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("prod-1"))
                .dbClusterSnapshots().get(0).snapshotCreateTime();
        Map<String, String> clusterExpected = new java.util.HashMap<>(expected);
        clusterExpected.put(TimeTag.SOURCE_POINT.key("staging"), TimeTag.value(snapshotTime));
        assertEquals(clusterExpected, copy.clusterTags(), "the cluster also records the time of the snapshot it holds");
        assertEquals(expected, copy.instances().get(0).tags());
    }

    @Test
    void findsItsInstanceAmongMoreThanAPageOfUnrelatedInstances(TestAccount aws) {
        aws.production();
        aws.unrelatedInstances(120);
        aws.run(Operation.NEW, document());
        aws.advance(Duration.ofHours(1));

        Result modify = aws.run(Operation.MODIFY, document());

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        assertEquals(1, aws.copies("staging").get(0).instances().size());
    }

    @Test
    void recognisesCopiesTaggedByAuroraEcho2(TestAccount aws) {
        aws.production();
        // 2.x: both tagged "new" at creation, then only the instance tag moves.
        aws.rds().restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("staging-2026-11-24")
                .snapshotIdentifier("prod-1").engine("aurora-postgresql").tags(Tag.builder().key(KEY).value("new").build()));
        aws.awaitAvailable("staging-2026-11-24");
        aws.rds().createDBInstance(r -> r.dbInstanceIdentifier("staging-2026-11-24").dbClusterIdentifier("staging-2026-11-24")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large").tags(Tag.builder().key(KEY).value("promoted").build()));

        List<Copy> copies = aws.copies("staging");
        assertEquals(Stage.PROMOTED, copies.get(0).stage("staging").orElseThrow());
        Result result = aws.run(Operation.NEW, document());
        assertEquals(Outcome.NOTHING_TO_DO, result.outcome(), "the 2.x copy was made minutes ago: " + result.message());
    }

    @Test
    void callsOfANewRunDoNotGrowWithUnrelatedInstances(TestAccount aws) {
        aws.production();
        aws.run(Operation.NEW, TestAccount.document("qa", "prod", "Z1"));
        List<String> withoutUnrelated = aws.calls().calls();
        aws.unrelatedInstances(120);
        aws.calls().clear();

        aws.run(Operation.NEW, document());

        List<String> withUnrelated = aws.calls().calls();
        System.out.println("calls of one new run with 120 unrelated instances: " + withUnrelated);
        assertEquals(withoutUnrelated, withUnrelated);
    }

    @Test
    void honoursTheOptionalFieldsOnClusterAndInstance(TestAccount aws) {
        aws.production();
        aws.rds().createDBClusterParameterGroup(r -> r.dbClusterParameterGroupName("staging-cluster-params")
                .dbParameterGroupFamily("aurora-postgresql15").description("copies"));
        aws.rds().createDBParameterGroup(r -> r.dbParameterGroupName("staging-params")
                .dbParameterGroupFamily("aurora-postgresql15").description("copies"));
        ObjectNode doc = document();
        doc.put("dbInstanceClass", "db.serverless");
        doc.putObject("serverlessV2").put("minCapacity", 0.5).put("maxCapacity", 4);
        doc.put("engineVersion", "15.5");
        doc.put("availabilityZone", "us-east-1b");
        doc.put("dbClusterParameterGroupName", "staging-cluster-params");
        doc.put("dbParameterGroupName", "staging-params");
        doc.put("suffix", "blue");

        Result result = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertTrue(result.copy().endsWith("-blue"), result.copy());
        var cluster = aws.cluster(result.copy()).orElseThrow();
        assertEquals("15.5", cluster.engineVersion());
        assertEquals("staging-cluster-params", cluster.dbClusterParameterGroup());
        assertEquals(0.5, cluster.serverlessV2ScalingConfiguration().minCapacity());
        assertEquals(4.0, cluster.serverlessV2ScalingConfiguration().maxCapacity());
        var instance = aws.rds().describeDBInstances(r -> r.dbInstanceIdentifier(result.copy())).dbInstances().get(0);
        assertEquals("db.serverless", instance.dbInstanceClass());
        assertEquals("us-east-1b", instance.availabilityZone());
        assertEquals("staging-params", instance.dbParameterGroups().get(0).dbParameterGroupName());
    }

    /** CreateDBInstance makes an instance public when its subnets' VPC has an internet gateway, unless told. */
    @Test
    void theInstanceIsPrivateUnlessTheDocumentAsksOtherwise(TestAccount aws) {
        aws.production();
        Result privateCopy = aws.run(Operation.NEW, document());
        ObjectNode doc = document();
        doc.put("suffix", "public").put("publiclyAccessible", true).put("minimumAgeHours", 0);
        Result publicCopy = aws.run(Operation.NEW, doc);

        assertEquals(Boolean.FALSE, aws.rds().describeDBInstances(r -> r.dbInstanceIdentifier(privateCopy.copy()))
                .dbInstances().get(0).publiclyAccessible(), privateCopy.message());
        assertEquals(Boolean.TRUE, aws.rds().describeDBInstances(r -> r.dbInstanceIdentifier(publicCopy.copy()))
                .dbInstances().get(0).publiclyAccessible(), publicCopy.message());
    }

    /** Without EngineVersion RDS restores into the region's default version (the emulator does too). */
    @Test
    void theDocumentsEngineAloneKeepsTheSnapshotsVersion(TestAccount aws) {
        aws.production();
        ObjectNode doc = document();
        doc.put("engine", "aurora-postgresql");

        Result result = aws.run(Operation.NEW, doc);

        assertEquals("15.4", aws.cluster(result.copy()).orElseThrow().engineVersion(), result.message());
    }

    /** Automatic pause (minCapacity 0) needs a version that has it: refused before the restore, or sent with its interval. */
    @Test
    void aMinimumOfZeroAcusIsCheckedAgainstTheCopysVersionBeforeTheRestore(TestAccount aws) {
        aws.production();
        ObjectNode doc = document();
        doc.put("dbInstanceClass", "db.serverless");
        doc.putObject("serverlessV2").put("minCapacity", 0).put("maxCapacity", 4).put("secondsUntilAutoPause", 600);

        Result refused = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.FAILED, refused.outcome(), refused.message());
        assertTrue(refused.message().contains("the copy would be aurora-postgresql 15.4"), refused.message());
        assertEquals(0, aws.calls().count("RestoreDBClusterFromSnapshot"));

        doc.put("engineVersion", "16.3");
        Result restored = aws.run(Operation.NEW, doc);

        assertEquals(Outcome.CHANGED, restored.outcome(), restored.message());
        var scaling = aws.cluster(restored.copy()).orElseThrow().serverlessV2ScalingConfiguration();
        assertEquals(0.0, scaling.minCapacity());
        assertEquals(600, scaling.secondsUntilAutoPause());
    }
}
