package io.github.auroraecho.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.RRType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing but a copy is touched: the source and foreign clusters carrying each of the lifecycle's stage
 * tags (on the cluster, the instance, or both) go through a whole lifecycle of every stage with no call
 * naming them, and every record set of the name, whatever its routing policy, keeps the copy it serves.
 */
@ExtendWith(EmulatorExtension.class)
class OwnershipSafetyTest {
    private static final String KEY = Stage.tagKey("staging");
    /** svc-x has an instance; svc-y is a bare cluster, which new once "resumed" by creating an instance in it. */
    private static final List<String> NOT_COPIES = List.of("prod", "svc-x", "svc-y");
    private static final Pattern NAMES_ONE = Pattern.compile(
            "(?<![A-Za-z])(DBClusterIdentifier|DBInstanceIdentifier|ResourceName|ResourceArn)=[^,)]*[:=]?(prod|svc-x|svc-y)(-1)?[,)]");

    private enum Placement { CLUSTER, INSTANCE, BOTH }

    @Test
    void noStageTouchesTheSourceOrAForeignClusterWhateverTheirTagsSay(TestAccount aws) {
        for (Placement placement : Placement.values()) {
            for (Stage stage : Stage.values()) {
                aws.reset();
                String zone = scene(aws);
                tag(aws, placement, stage);
                String before = notCopies(aws);
                ObjectNode document = TestAccount.document("staging", "prod", zone);
                String what = placement + " tagged " + stage.tagValue();

                List<Result> results = new ArrayList<>();
                for (Operation operation : List.of(Operation.NEW, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE)) {
                    results.add(run(aws, operation, document, what));
                }
                aws.advance(Duration.ofDays(1));
                for (Operation operation : List.of(Operation.CLONE, Operation.MODIFY, Operation.PROMOTE, Operation.RETIRE)) {
                    results.add(run(aws, operation, document, what));
                }
                // Back to the first copy, then the copy rollback rejected is deleted once drained.
                results.add(run(aws, Operation.ROLLBACK, document, what));
                aws.advance(Duration.ofHours(1));
                results.add(run(aws, Operation.RETIRE, document, what));
                // The served copy stopped for the night and started in the morning; nothing else.
                results.add(run(aws, Operation.STOP, document, what));
                results.add(run(aws, Operation.START, document, what));

                assertEquals(before, notCopies(aws), what);
                for (Result result : results) {
                    boolean blocks = switch (Operation.fromCliName(result.stage()).orElseThrow()) {
                        case NEW, CLONE, MODIFY -> stage == Stage.NEW;
                        case PROMOTE -> stage == Stage.MODIFIED || stage == Stage.PROMOTED;
                        case RETIRE -> stage == Stage.RETIRED;
                        case ROLLBACK -> stage == Stage.PROMOTED || stage == Stage.RETIRED;
                        case STOP, START -> stage == Stage.PROMOTED;
                    };
                    assertTrue(result.message().contains("tagged for staging but not one of its copies"), what + ": " + result);
                    assertEquals(blocks, result.outcome() == Outcome.FAILED, what + ": " + result);
                }
                assertEquals(1, aws.copies("staging").size(), what + ": the lifecycle itself went on");
            }
        }
    }

    @Test
    void theSourceNamedInAnyCaseOrAsAnArnOrNotAtAllIsNeverDeleted(TestAccount aws) {
        String zone = aws.zone("example.com");
        aws.sourceCluster("prod", Tag.builder().key(KEY).value("retired").build());
        String arn = aws.cluster("prod").orElseThrow().dbClusterArn();
        for (String source : new String[]{"PROD", "Prod", arn, null}) {
            ObjectNode document = TestAccount.document("staging", "prod", zone);
            if (source == null) {
                document.remove("sourceClusterName");
            } else {
                document.put("sourceClusterName", source);
            }
            aws.calls().clear();

            Result result = aws.run(Operation.RETIRE, document);

            assertEquals(Outcome.FAILED, result.outcome(), result.message());
            assertTrue(result.message().contains("cluster prod is tagged for staging but not one of its copies"),
                    result.message());
            assertEquals(List.of(), aws.calls().mutatingCalls(), source);
            assertTrue(aws.cluster("prod").isPresent());
        }
    }

    @Test
    void retireKeepsACopyThatAWeightedRecordStillServes(TestAccount aws) {
        // The operator moved to weighted records by hand: the old copy still gets a share of the traffic.
        assertRetireKeepsTheCopyServedBy(aws, old -> List.of(
                weighted("blue", "other.cluster.example.org", 90), weighted("green", old.endpoint(), 10)));
    }

    @Test
    void retireKeepsACopyAnAliasRecordStillServes(TestAccount aws) {
        assertRetireKeepsTheCopyServedBy(aws, old -> List.of(Change.builder().action("CREATE").resourceRecordSet(s -> s
                .name("db.staging.example.com").type(RRType.A).setIdentifier("eu").region("eu-west-1")
                .aliasTarget(a -> a.hostedZoneId("Z2R2ITUGPM61AM").dnsName(old.readerEndpoint()).evaluateTargetHealth(false)))
                .build()));
    }

    /** A promoted copy, its simple CNAME replaced by the given record sets, then every tag saying retired. */
    private static void assertRetireKeepsTheCopyServedBy(TestAccount aws, Function<Copy, List<Change>> records) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode document = TestAccount.document("staging", "prod", zone);
        aws.night(document, Operation.NEW);
        Copy old = aws.copies("staging").get(0);
        List<Change> changes = new ArrayList<>(List.of(Change.builder().action("DELETE").resourceRecordSet(s -> s
                .name("db.staging.example.com").type(RRType.CNAME).ttl(60L).resourceRecords(v -> v.value(old.endpoint())))
                .build()));
        changes.addAll(records.apply(old));
        aws.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(changes)));
        Tag retired = Tag.builder().key(KEY).value("retired").build();
        aws.rds().addTagsToResource(r -> r.resourceName(old.clusterArn()).tags(retired));
        aws.rds().addTagsToResource(r -> r.resourceName(old.instances().get(0).arn()).tags(retired));

        Result result = aws.run(Operation.RETIRE, document);

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains(old.name() + " is still what db.staging.example.com points to"),
                result.message());
        assertTrue(aws.cluster(old.name()).isPresent());
    }

    @Test
    void promoteRefusesToWriteASimpleCnameBesideWeightedRecords(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode document = TestAccount.document("staging", "prod", zone);
        aws.route53().changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(
                weighted("blue", "blue.example.org", 50), weighted("green", "green.example.org", 50))));
        aws.run(Operation.NEW, document);
        aws.run(Operation.MODIFY, document);
        String records = aws.state();
        aws.calls().clear();

        Result result = aws.run(Operation.PROMOTE, document);

        assertEquals(Outcome.FAILED, result.outcome(), result.message());
        assertTrue(result.message().contains("with a routing policy (CNAME blue, CNAME green)"), result.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
        assertEquals(records, aws.state());
    }

    private static Change weighted(String id, String target, long weight) {
        return Change.builder().action("CREATE")
                .resourceRecordSet(s -> s.name("db.staging.example.com").type(RRType.CNAME).ttl(60L).setIdentifier(id)
                        .weight(weight).resourceRecords(v -> v.value(target)))
                .build();
    }

    private static Result run(TestAccount aws, Operation operation, ObjectNode document, String what) {
        aws.calls().clear();
        Result result = aws.run(operation, document);
        for (String request : aws.calls().mutatingRequests()) {
            assertTrue(!NAMES_ONE.matcher(request).find(), what + ", " + operation.cliName() + ": " + request);
        }
        return result;
    }

    private static String scene(TestAccount aws) {
        aws.production();
        aws.sourceCluster("svc-x");
        aws.rds().createDBCluster(r -> r.dbClusterIdentifier("svc-y").engine("aurora-postgresql")
                .masterUsername("admin").masterUserPassword("password123"));
        return aws.zone("example.com");
    }

    private static void tag(TestAccount aws, Placement placement, Stage stage) {
        Tag tag = Tag.builder().key(KEY).value(stage.tagValue()).build();
        for (String cluster : NOT_COPIES) {
            if (placement != Placement.INSTANCE) {
                aws.rds().addTagsToResource(r -> r.resourceName(aws.cluster(cluster).orElseThrow().dbClusterArn()).tags(tag));
            }
            if (placement != Placement.CLUSTER && !cluster.equals("svc-y")) {
                String arn = aws.rds().describeDBInstances(d -> d.dbInstanceIdentifier(cluster + "-1")).dbInstances().get(0)
                        .dbInstanceArn();
                aws.rds().addTagsToResource(r -> r.resourceName(arn).tags(tag));
            }
        }
    }

    /** The clusters and instances that are not copies, as the state shows them (tags, status, roles). */
    private static String notCopies(TestAccount aws) {
        return String.join("\n", aws.state().lines()
                .filter(line -> NOT_COPIES.stream().anyMatch(name -> line.startsWith(name + " ") || line.startsWith(name + "-1 ")))
                .toList());
    }
}
