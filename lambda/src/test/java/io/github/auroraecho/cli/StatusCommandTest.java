package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.route53.model.RRType;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status: every lifecycle's copies in one table (or JSON), read-only, in a handful of calls. */
@ExtendWith(EmulatorExtension.class)
class StatusCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * staging: a promoted copy that db.staging.example.com points at, and a newer one in stage new.
     * legacy: a copy as aurora-echo 2.x leaves it, cluster still "new" and instance "promoted".
     * Plus a second zone, an unrelated record, and databases outside any lifecycle.
     */
    private static String scene(TestAccount aws) {
        aws.production();
        String zoneId = aws.zone("example.com");
        aws.zone("other.example.org");
        aws.record(zoneId, "www.example.com", RRType.CNAME, "web.example.org");
        aws.unrelatedInstances(3);
        ObjectNode staging = TestAccount.document("staging", "prod", zoneId);
        aws.night(staging, Operation.NEW);
        aws.advance(java.time.Duration.ofDays(1));
        aws.run(Operation.NEW, staging);
        String key = Stage.tagKey("legacy");
        aws.rds().restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("legacy-2026-11-20").snapshotIdentifier("prod-1")
                .engine("aurora-postgresql").tags(Tag.builder().key(key).value("new").build()));
        aws.awaitAvailable("legacy-2026-11-20");
        aws.rds().createDBInstance(r -> r.dbInstanceIdentifier("legacy-2026-11-20").dbClusterIdentifier("legacy-2026-11-20")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large")
                .tags(Tag.builder().key(key).value("promoted").build()));
        aws.state(); // moto shows a new cluster "creating" at its first describe; the table should show "available"
        aws.calls().clear();
        return zoneId;
    }

    @Test
    void showsEveryLifecycleInOneTableWithoutChangingAnything(TestAccount aws) {
        scene(aws);
        String before = aws.state();
        aws.calls().clear();

        CliRun run = CliRun.of(aws, "", "status", "-r", "us-east-1");

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("LIFECYCLE", "COPY", "STAGE", "CLUSTER", "INSTANCE", "AGE", "DATA-AGE", "DNS"),
                List.of(lines.get(0).split("\\s+")));
        assertEquals(8, lines.size(), run.out());
        assertTrue(lines.get(1).matches("legacy +legacy-2026-11-20 +promoted \\(cluster: new\\) +available +available +.* - +-"),
                lines.get(1));
        assertTrue(lines.get(2).matches("staging +staging-\\S+ +new +available +available +.* -"), lines.get(2));
        assertTrue(lines.get(3).matches("staging +staging-\\S+ +promoted +available +available +1d 0h +1d 0h +db.staging.example.com"),
                lines.get(3));
        assertFalse(run.out().contains("prod"), "the source and unrelated databases are not copies");
        String served = lines.get(3).split("\\s+")[1];
        assertEquals("parameter /aurora-echo/legacy/connection: not written (DNS serves no copy)", lines.get(4));
        assertEquals("parameter /aurora-echo/staging/connection -> " + served + " (what DNS serves)", lines.get(5));
        assertEquals("rollback of staging: no retired copy to return to (or rolled back until the next promote)",
                lines.get(7), "one night: no copy to roll back to");

        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(1, aws.calls().count("GetResources"), "the tagged clusters and instances, one page");
        assertEquals(1, aws.calls().count("DescribeDBClusters"));
        assertEquals(1, aws.calls().count("DescribeDBInstances"));
        assertEquals(1, aws.calls().count("ListHostedZones"));
        assertEquals(2, aws.calls().count("ListResourceRecordSets"), "one per hosted zone");
        assertEquals(2, aws.calls().count("GetParameter"), "one per lifecycle");
        assertEquals(1, aws.calls().count("DescribeDBClusterSnapshots"), "the manual ones, for the final snapshots kept");
        assertEquals(9, aws.calls().calls().size(), aws.calls().calls().toString());
        assertEquals(before, aws.state());
    }

    @Test
    void jsonForScriptsAndOneLifecycleWithN(TestAccount aws) throws IOException {
        String zoneId = scene(aws);

        CliRun run = CliRun.of(aws, "", "status", "-r", "us-east-1", "--json", "-n", "staging");

        assertEquals(0, run.exit(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("us-east-1", report.get("region").asText());
        JsonNode copies = report.get("copies");
        assertEquals(2, copies.size());
        JsonNode newest = copies.get(0);
        JsonNode promoted = copies.get(1);
        assertEquals("staging", newest.get("managedName").asText());
        assertEquals("new", newest.get("stage").asText());
        assertEquals(0, newest.get("records").size());
        assertEquals("promoted", promoted.get("stage").asText());
        assertEquals("promoted", promoted.get("clusterStage").asText());
        assertEquals("available", promoted.get("clusterStatus").asText());
        assertEquals("available", promoted.get("instances").get(0).get("status").asText());
        assertEquals(24.0, promoted.get("ageHours").asDouble(), 0.2, "the CLI's clock is a day after the copy was made");
        assertEquals(24.0, promoted.get("sourcePointAgeHours").asDouble(), 0.2, "and after the snapshot it holds");
        assertEquals(zoneId, promoted.get("records").get(0).get("zoneId").asText());
        assertEquals("db.staging.example.com", promoted.get("records").get(0).get("name").asText());
        JsonNode parameter = report.get("parameters").get(0);
        assertEquals(1, report.get("parameters").size());
        assertEquals("/aurora-echo/staging/connection", parameter.get("name").asText());
        assertEquals(promoted.get("copy").asText(), parameter.get("copy").asText());
        assertTrue(parameter.get("matchesDns").asBoolean(), parameter.toString());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }

    @Test
    void namesWhatIsTaggedForALifecycleButNotOneOfItsCopies(TestAccount aws) throws IOException {
        scene(aws);
        Tag retired = Tag.builder().key(Stage.tagKey("staging")).value("retired").build();
        aws.rds().addTagsToResource(r -> r.resourceName(aws.cluster("prod").orElseThrow().dbClusterArn()).tags(retired));
        aws.sourceCluster("svc-x", retired);

        CliRun table = CliRun.of(aws, "", "status", "-r", "us-east-1");
        JsonNode json = JSON.readTree(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json", "-n", "staging").out());

        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("not a copy: cluster prod is tagged for staging but not one of its copies"),
                table.out());
        assertTrue(table.out().contains("not a copy: cluster svc-x is tagged for staging but not one of its copies"),
                table.out());
        assertEquals(2, json.get("copies").size(), "the two real copies only");
        assertEquals(2, json.get("notCopies").size(), json.toString());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }

    @Test
    void showsTheFinalSnapshotsALifecycleKeepsAgainstTheQuotaAndNoLookAlike(TestAccount aws) throws IOException {
        aws.production();
        ObjectNode staging = TestAccount.document("staging", "prod", aws.zone("example.com")).put("finalSnapshot", true);
        aws.night(staging, Operation.NEW);
        aws.advance(java.time.Duration.ofDays(1));
        aws.night(staging, Operation.NEW);
        aws.advance(java.time.Duration.ofMinutes(31));
        aws.run(Operation.RETIRE, staging);
        // Production's snapshot with the lifecycle's tag and a final snapshot's name is not the lifecycle's.
        aws.rds().createDBClusterSnapshot(r -> r.dbClusterIdentifier("prod").dbClusterSnapshotIdentifier("prod-final-1")
                .tags(Tag.builder().key(Stage.tagKey("staging")).value("retired").build()));

        CliRun table = CliRun.of(aws, "", "status", "-r", "us-east-1");
        JsonNode json = JSON.readTree(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json").out());

        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().contains("final snapshots: staging keeps 1 final snapshot, the oldest taken "), table.out());
        assertTrue(table.out().contains("retire deletes them only with finalSnapshotRetentionDays; RDS allows 100 "
                + "manual cluster snapshots per account and region by default"), table.out());
        assertEquals(1, json.get("finalSnapshots").size(), json.toString());
        assertEquals("staging", json.get("finalSnapshots").get(0).get("managedName").asText());
        assertEquals(1, json.get("finalSnapshots").get(0).get("count").asInt());
    }

    @Test
    void aStoppedCopyAndItsLifecyclesRunningHoursShow(TestAccount aws) throws IOException {
        aws.production();
        ObjectNode staging = TestAccount.document("staging", "prod", aws.zone("example.com"));
        staging.putObject("runningHours").put("timezone", "Europe/Berlin").put("start", "07:00").put("stop", "20:00")
                .putArray("days").add("MON").add("TUE").add("WED").add("THU").add("FRI");
        String copy = aws.night(staging, Operation.NEW).copy();
        aws.run(Operation.STOP, staging);

        CliRun table = CliRun.of(aws, "", "status", "-r", "us-east-1");
        JsonNode json = JSON.readTree(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json").out());

        assertEquals(0, table.exit(), table.err());
        assertTrue(table.out().matches("(?s)(.*\\n)?staging +" + copy + " +promoted +stopped +.*"), table.out());
        assertTrue(table.out().contains("; running hours MON-FRI 07:00-20:00 Europe/Berlin (65 of 168 hours a week)"),
                table.out());
        assertEquals("stopped", json.get("copies").get(0).get("clusterStatus").asText(), json.toString());
        assertEquals("MON-FRI 07:00-20:00 Europe/Berlin (65 of 168 hours a week)",
                json.get("parameters").get(0).get("runningHours").asText(), json.toString());
    }

    @Test
    void theTwoTagsOfA2xCopyBothShowInJson(TestAccount aws) throws IOException {
        scene(aws);

        JsonNode copy = JSON.readTree(CliRun.of(aws, "", "status", "-r", "us-east-1", "--json", "-n", "legacy").out())
                .get("copies").get(0);

        assertTrue(copy.get("sourcePointAgeHours").isNull(), "2.x records no source point");
        assertEquals("promoted", copy.get("stage").asText());
        assertEquals("new", copy.get("clusterStage").asText());
        assertEquals("promoted", copy.get("instanceStage").asText());
    }

    @Test
    void aParameterThatNamesAnotherCopyThanDnsServesIsSaidSo(TestAccount aws) {
        scene(aws);
        aws.engineClients().ssm().putParameter(r -> r.name("/team/staging/connection").type("String")
                .value("{\"copy\":\"staging-2026-01-01\"}"));

        CliRun run = CliRun.of(aws, "", "status", "-r", "us-east-1", "-n", "staging", "--parameter-prefix", "/team");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s).*\nparameter /team/staging/connection -> staging-2026-01-01, but DNS serves staging-\\S+\nrollback of staging: .*\n"),
                run.out());
        CliRun bad = CliRun.of(aws, "", "status", "--parameter-prefix", "/aws/team");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--parameter-prefix: SSM reserves names starting with aws or ssm"), bad.err());
    }

    @Test
    void anEmptyAccountSaysSo(TestAccount aws) {
        CliRun run = CliRun.of(aws, "", "status", "-r", "us-east-1");

        assertEquals(0, run.exit(), run.err());
        assertEquals("(no copies)\n", run.out());
    }

    @Test
    void unknownOptionsExitTwo(TestAccount aws) {
        CliRun run = CliRun.of(aws, "", "status", "--all");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("\"--all\""), run.err());
        assertEquals(0, run.clientsMade());
    }
}
