package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.emulator.MotoServer;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rds.model.Tag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scheduled stage's cost must not grow with the account: the same lifecycle, run in accounts with 0,
 * 120 and 250 unrelated DB instances (and a tenth as many unrelated clusters, each with a snapshot),
 * makes the same writes and at most one more read per 100 unrelated items of each kind (a page).
 * Each stage is measured on its doing path and its nothing-to-do path.
 */
@ExtendWith(EmulatorExtension.class)
class ApiCallScalingTest {
    private static final int PAGE = 100;
    private static final List<Integer> UNRELATED_INSTANCES = List.of(0, 120, 250);
    private static final int OTHER_LIFECYCLES = 250;

    @Test
    void callsPerStageDoNotGrowWithUnrelatedResources(TestAccount aws) {
        Map<Integer, Map<String, List<String>>> byAccountSize = new LinkedHashMap<>();
        for (int instances : UNRELATED_INSTANCES) {
            MotoServer.reset(aws.endpoint());
            byAccountSize.put(instances, lifecycle(aws, instances, 0, new LinkedHashMap<>()));
        }

        Map<String, List<String>> baseline = byAccountSize.get(0);
        for (int instances : UNRELATED_INSTANCES) {
            Map<String, List<String>> steps = byAccountSize.get(instances);
            assertEquals(List.copyOf(baseline.keySet()), List.copyOf(steps.keySet()),
                    "the same runs with the same outcomes whatever the account holds");
            int allowedExtraReads = pages(instances) + 2 * pages(instances / 10);
            steps.forEach((step, calls) -> {
                List<String> before = baseline.get(step);
                assertEquals(writes(before), writes(calls), step + ": writes with " + instances + " unrelated instances");
                assertTrue(reads(calls).size() <= reads(before).size() + allowedExtraReads,
                        step + " with " + instances + " unrelated instances made " + reads(calls)
                                + ", without them " + reads(before));
            });
        }
    }

    /**
     * With the Tagging API finding a lifecycle's clusters by its tag key, a run reads only its own copies:
     * 250 other lifecycles' copies (each a tagged cluster with a tagged instance) change no call at all.
     */
    @Test
    void callsPerStageDoNotGrowWithOtherLifecycles(TestAccount aws) {
        aws.reset();
        Map<String, List<String>> describedAlone = new LinkedHashMap<>();
        Map<String, List<String>> alone = lifecycle(aws, 0, 0, describedAlone);
        aws.reset();
        Map<String, List<String>> describedAmong250 = new LinkedHashMap<>();
        Map<String, List<String>> among250 = lifecycle(aws, 0, OTHER_LIFECYCLES, describedAmong250);

        assertEquals(alone, among250);
        // moto answers a describe of every cluster in one call whatever MaxRecords says (AWS: pages of 100),
        // so the clusters each run read are what shows the cost.
        assertEquals(describedAlone, describedAmong250);
    }

    /**
     * Two nights of the lifecycle, each run's calls under its operation, outcome and order.
     *
     * @param described filled with the clusters each run's describe calls returned, under the same keys
     */
    private static Map<String, List<String>> lifecycle(TestAccount aws, int unrelatedInstances, int otherLifecycles,
                                                       Map<String, List<String>> described) {
        aws.production();
        String zone = aws.zone("example.com");
        aws.unrelatedInstances(unrelatedInstances);
        for (int i = 0; i < otherLifecycles; i++) {
            String copy = "lifecycle" + i + "-2026-11-20";
            Tag tag = Tag.builder().key(Stage.tagKey("lifecycle" + i)).value("promoted").build();
            aws.rds().createDBCluster(r -> r.dbClusterIdentifier(copy).engine("aurora-postgresql")
                    .masterUsername("admin").masterUserPassword("password123").tags(tag));
            aws.rds().createDBInstance(r -> r.dbInstanceIdentifier(copy).dbClusterIdentifier(copy)
                    .engine("aurora-postgresql").dbInstanceClass("db.r6g.large").tags(tag));
        }
        for (int i = 0; i < unrelatedInstances / 10; i++) {
            aws.sourceCluster("unrelated-cluster-" + i);
            aws.snapshot("unrelated-cluster-" + i, "unrelated-snapshot-" + i);
        }
        ObjectNode document = TestAccount.document("staging", "prod", zone);
        Map<String, List<String>> steps = new LinkedHashMap<>();
        for (int night = 1; night <= 2; night++) {
            run(aws, Operation.NEW, document, steps, described);
            run(aws, Operation.NEW, document, steps, described);
            while (!run(aws, Operation.MODIFY, document, steps, described).equals(Outcome.NOTHING_TO_DO) && steps.size() < 20) {
                // Waiting, then changed, then nothing to do: each run is its own step.
            }
            run(aws, Operation.PROMOTE, document, steps, described);
            run(aws, Operation.PROMOTE, document, steps, described);
            aws.advance(Duration.ofDays(1));
        }
        while (!run(aws, Operation.RETIRE, document, steps, described).equals(Outcome.NOTHING_TO_DO) && steps.size() < 40) {
            // The night-one copy is retired: deleted, then nothing left to do.
        }
        return steps;
    }

    private static Outcome run(TestAccount aws, Operation operation, ObjectNode document, Map<String, List<String>> steps,
                               Map<String, List<String>> described) {
        aws.calls().clear();
        Result result = aws.run(operation, document);
        String step = steps.size() + 1 + " " + operation.cliName() + " " + result.outcome().json();
        steps.put(step, aws.calls().calls());
        described.put(step, aws.calls().describedClusters());
        return result.outcome();
    }

    private static int pages(int items) {
        return (items + PAGE - 1) / PAGE;
    }

    private static List<String> reads(List<String> calls) {
        return calls.stream().filter(ApiCallScalingTest::isRead).toList();
    }

    private static List<String> writes(List<String> calls) {
        return calls.stream().filter(call -> !isRead(call)).toList();
    }

    private static boolean isRead(String call) {
        return call.startsWith("Describe") || call.startsWith("List") || call.startsWith("Get");
    }
}
