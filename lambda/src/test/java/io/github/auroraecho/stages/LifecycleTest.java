package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.route53.model.RRType;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole lifecycles, night after night, against the emulator. */
@ExtendWith(EmulatorExtension.class)
class LifecycleTest {

    @Test
    void twoNightsLeaveExactlyTheNewestCopyPromotedInEveryZone(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        String otherZone = aws.zone("staging.example.com");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        doc.withArray("hostedZoneIds").add(otherZone);
        String productionBefore = production(aws);

        Result first = aws.night(doc, Operation.NEW);
        aws.advance(Duration.ofDays(1));
        Result second = aws.night(doc, Operation.NEW);
        aws.pastDrain();
        Result retire = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, retire.outcome(), retire.message());
        List<Copy> copies = aws.copies("staging");
        assertEquals(List.of(second.copy()), copies.stream().map(Copy::name).toList());
        Copy survivor = copies.get(0);
        assertEquals("promoted", survivor.clusterTags().get(Stage.tagKey("staging")));
        assertEquals("promoted", survivor.instances().get(0).tags().get(Stage.tagKey("staging")));
        for (String zoneId : List.of(zone, otherZone)) {
            assertEquals(survivor.endpoint(), aws.cname(zoneId, "db.staging.example.com").orElseThrow());
        }
        assertTrue(aws.cluster(first.copy()).isEmpty(), "the first copy is deleted");
        assertEquals(productionBefore, production(aws), "production is untouched");
        assertTrue(aws.rds().describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("prod-1"))
                .dbClusterSnapshots().get(0).status().equals("available"));
        assertEquals(Outcome.NOTHING_TO_DO, aws.run(Operation.RETIRE, doc).outcome());
    }

    /** What a stage could change on production: restorable times move by themselves. */
    private static String production(TestAccount aws) {
        var prod = aws.cluster("prod").orElseThrow();
        return prod.status() + " " + prod.tagList() + " " + prod.dbClusterMembers() + " " + prod.endpoint()
                + " " + prod.associatedRoles();
    }

    @Test
    void twoLifecyclesInOneAccountDoNotInterfere(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode staging = TestAccount.document("staging", "prod", zone);
        ObjectNode analytics = TestAccount.document("analytics", "prod", zone);

        aws.night(staging, Operation.NEW);
        aws.night(analytics, Operation.CLONE);
        aws.advance(Duration.ofDays(1));
        aws.night(staging, Operation.NEW);
        aws.pastDrain();
        aws.run(Operation.RETIRE, staging);

        assertEquals(1, aws.copies("staging").size());
        List<Copy> analyticsCopies = aws.copies("analytics");
        assertEquals(1, analyticsCopies.size());
        assertEquals(Stage.PROMOTED, analyticsCopies.get(0).stage("analytics").orElseThrow());
        assertEquals(analyticsCopies.get(0).endpoint(), aws.cname(zone, "db.analytics.example.com").orElseThrow());
        assertEquals(aws.copies("staging").get(0).endpoint(), aws.cname(zone, "db.staging.example.com").orElseThrow());
    }

    @Test
    void aCopyLeftByAuroraEcho2IsModifiedPromotedAndRetired(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        String key = Stage.tagKey("staging");
        // 2.x tags both at creation and later moves only the instance tag: here it made the copy last night.
        aws.rds().restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("staging-2026-01-01")
                .snapshotIdentifier("prod-1").engine("aurora-postgresql").tags(Tag.builder().key(key).value("new").build()));
        aws.awaitAvailable("staging-2026-01-01");
        aws.rds().createDBInstance(r -> r.dbInstanceIdentifier("staging-2026-01-01").dbClusterIdentifier("staging-2026-01-01")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large").tags(Tag.builder().key(key).value("new").build()));
        aws.rds().describeDBClusters();

        assertEquals(Outcome.CHANGED, aws.run(Operation.MODIFY, doc).outcome());
        Result promoted = aws.run(Operation.PROMOTE, doc);
        assertEquals("staging-2026-01-01", promoted.copy(), promoted.message());
        aws.advance(Duration.ofDays(1));
        aws.night(doc, Operation.NEW);
        aws.pastDrain();
        Result retire = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.CHANGED, retire.outcome(), retire.message());
        assertTrue(aws.cluster("staging-2026-01-01").isEmpty());
    }

    @Test
    void rolesAlreadyAssociatedAreNotAssociatedTwice(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");
        doc.putArray("iamRoleNames").addObject().put("name", "s3-import").put("featureName", "s3Import");
        Result created = aws.run(Operation.NEW, doc);
        aws.rds().addRoleToDBCluster(r -> r.dbClusterIdentifier(created.copy())
                .roleArn("arn:aws:iam::123456789012:role/s3-import").featureName("s3Import"));

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        assertEquals(0, aws.calls().count("AddRoleToDBCluster"));
        assertEquals(1, aws.cluster(created.copy()).orElseThrow().associatedRoles().size());
    }

    @Test
    void aRoleRdsRefusesKeepsTheCopyNewAndSaysWhy(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");
        // The emulator refuses a second role for a feature already taken.
        doc.putArray("iamRoleNames").add(doc.objectNode().put("name", "s3-import").put("featureName", "s3Import"))
                .add(doc.objectNode().put("name", "arn:aws:iam::123456789012:role/lambda-invoke").put("featureName", "s3Import"));
        Result created = aws.run(Operation.NEW, doc);

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome());
        assertTrue(modify.message().contains("lambda-invoke"), modify.message());
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
        assertEquals(created.copy(), aws.copies("staging").get(0).name());
    }

    @Test
    void aRoleIsAssociatedForItsFeatureAndTheResultNamesIt(TestAccount aws) {
        aws.production();
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");
        doc.putArray("iamRoleNames").addObject().put("name", "s3-import").put("featureName", "s3Import");
        Result created = aws.run(Operation.NEW, doc);

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.CHANGED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("roles: s3-import (feature s3Import)"), modify.message());
        assertEquals(List.of("s3Import"), aws.cluster(created.copy()).orElseThrow().associatedRoles().stream()
                .map(software.amazon.awssdk.services.rds.model.DBClusterRole::featureName).toList());
    }

    @Test
    void aPlainRoleOnAnAuroraPostgresqlCopyFailsModifyInWordsBeforeAnyCall(TestAccount aws) {
        aws.production(); // Aurora PostgreSQL; the document does not say so, RDS's answer for the copy does
        ObjectNode doc = TestAccount.document("staging", "prod", "Z1");
        doc.putArray("iamRoleNames").add("s3-import");
        Result created = aws.run(Operation.NEW, doc);
        aws.calls().clear();

        Result modify = aws.run(Operation.MODIFY, doc);

        assertEquals(Outcome.FAILED, modify.outcome());
        assertTrue(modify.message().contains("RDS requires a feature name to associate a role with an aurora-postgresql "
                + "cluster, and role arn:aws:iam::123456789012:role/s3-import has none"), modify.message());
        assertEquals(0, aws.calls().count("AddRoleToDBCluster"));
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(Stage.NEW, aws.copies("staging").get(0).stage("staging").orElseThrow());
        assertEquals(created.copy(), aws.copies("staging").get(0).name());
    }

    @Test
    void promoteRefusesWhatItCannotManageAndChangesNothing(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        String elsewhere = aws.zone("example.org");
        aws.record(zone, "db.staging.example.com", RRType.A, "10.0.0.1");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        aws.run(Operation.NEW, doc);
        aws.run(Operation.MODIFY, doc);

        ObjectNode outsideZone = doc.deepCopy();
        outsideZone.putArray("hostedZoneIds").add(elsewhere);
        ObjectNode missingZone = doc.deepCopy();
        missingZone.putArray("hostedZoneIds").add("ZNOSUCHZONE");
        for (ObjectNode bad : List.of(doc, outsideZone, missingZone)) {
            String before = aws.state();
            aws.calls().clear();
            Result result = aws.run(Operation.PROMOTE, bad);
            assertEquals(Outcome.FAILED, result.outcome(), result.message());
            assertEquals(List.of(), aws.calls().mutatingCalls(), result.message());
            assertEquals(before, aws.state());
        }
        assertTrue(aws.run(Operation.PROMOTE, doc).message().contains("A record"));
        assertTrue(aws.run(Operation.PROMOTE, outsideZone).message().contains("not inside hosted zone"));
        assertTrue(aws.run(Operation.PROMOTE, missingZone).message().contains("does not exist"));
    }
}
