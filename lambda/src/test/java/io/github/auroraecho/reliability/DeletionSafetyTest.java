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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retire deletes only this lifecycle's retired copies, whatever has been done to the tags. */
@ExtendWith(EmulatorExtension.class)
class DeletionSafetyTest {
    private static final String KEY = Stage.tagKey("staging");

    private static Tag retired(String managedName) {
        return Tag.builder().key(Stage.tagKey(managedName)).value("retired").build();
    }

    private static void assertRetireDeletesNothing(TestAccount aws, ObjectNode doc) {
        String before = aws.state();
        aws.calls().clear();
        aws.run(Operation.RETIRE, doc);
        assertEquals(List.of(), aws.calls().calls().stream().filter(call -> call.startsWith("Delete")).toList());
        assertEquals(before.lines().filter(l -> !l.contains("retired")).toList().size(),
                aws.state().lines().filter(l -> !l.contains("retired")).toList().size());
    }

    @Test
    void neverDeletesAClusterWithoutTheLifecyclesTagEvenWhenItsInstanceSaysRetired(TestAccount aws) {
        aws.sourceCluster("lookalike");
        aws.rds().addTagsToResource(r -> r.resourceName(aws.rds().describeDBInstances(d -> d.dbInstanceIdentifier("lookalike-1"))
                .dbInstances().get(0).dbInstanceArn()).tags(retired("staging")));
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));

        assertRetireDeletesNothing(aws, doc);
        assertTrue(aws.cluster("lookalike").isPresent());
    }

    @Test
    void neverDeletesAnotherLifecyclesCopy(TestAccount aws) {
        aws.sourceCluster("qa-2026-01-01", retired("qa"));
        ObjectNode doc = TestAccount.document("staging", "prod", aws.zone("example.com"));

        assertRetireDeletesNothing(aws, doc);
        assertTrue(aws.cluster("qa-2026-01-01").isPresent());
    }

    @Test
    void neverDeletesACopyDnsPointsToEvenWhenEveryTagSaysRetired(TestAccount aws) {
        aws.production();
        String zone = aws.zone("example.com");
        ObjectNode doc = TestAccount.document("staging", "prod", zone);
        aws.night(doc, Operation.NEW);
        Copy live = aws.copies("staging").get(0);
        aws.rds().addTagsToResource(r -> r.resourceName(live.clusterArn()).tags(retired("staging")));
        aws.rds().addTagsToResource(r -> r.resourceName(live.instances().get(0).arn()).tags(retired("staging")));

        Result result = aws.run(Operation.RETIRE, doc);

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(aws.cluster(live.name()).isPresent());
        assertEquals(1, aws.copies("staging").get(0).instances().size());
    }
}
