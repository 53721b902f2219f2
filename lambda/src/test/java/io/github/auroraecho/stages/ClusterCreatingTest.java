package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restored or cloned cluster stays creating for minutes on AWS and takes no instance meanwhile: the emulator
 * keeps it creating for a number of describes. No run fails on it, and the copy is modified the same night by
 * the modify runs that follow.
 */
@ExtendWith(EmulatorExtension.class)
class ClusterCreatingTest {

    private static ObjectNode document() {
        return TestAccount.document("staging", "prod", "Z1");
    }

    @ParameterizedTest
    @EnumSource(value = Operation.class, names = {"NEW", "CLONE"})
    void aCopyWhoseClusterIsStillCreatingGetsItsInstanceAndIsModifiedByTheModifyRuns(Operation create, TestAccount aws) {
        aws.production();
        aws.clustersCreatingFor(3);

        Result created = aws.run(create, document());

        assertEquals(Outcome.WAITING, created.outcome(), created.message());
        assertTrue(created.message().contains("cluster " + created.copy() + " is creating; its instance is created"
                + " once it is available"), created.message());
        Copy half = aws.copies("staging").get(0);
        assertEquals(List.of(), half.instances());
        assertEquals(Optional.of(Stage.NEW), half.stage("staging"));

        List<Outcome> modifyRuns = new ArrayList<>();
        Result modify;
        do {
            modify = aws.run(Operation.MODIFY, document());
            modifyRuns.add(modify.outcome());
        } while (modify.outcome() == Outcome.WAITING && modifyRuns.size() < 6);

        assertEquals(Outcome.CHANGED, modify.outcome(), modifyRuns + ": " + modify.message());
        assertTrue(modifyRuns.size() >= 3, "waited for the cluster, then created the instance: " + modifyRuns);
        Copy copy = aws.copies("staging").get(0);
        assertEquals(1, copy.instances().size());
        assertEquals(Optional.of(Stage.MODIFIED), copy.stage("staging"));
    }

    @Test
    void modifyCreatesTheMissingInstanceOnceTheClusterIsAvailableAndWaitsForIt(TestAccount aws) {
        aws.production();
        aws.clustersCreatingFor(1);
        String name = aws.run(Operation.NEW, document()).copy();

        Result modify = aws.run(Operation.MODIFY, document());

        assertEquals(Outcome.WAITING, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("created the instance of copy " + name), modify.message());
        assertEquals(1, aws.copies("staging").get(0).instances().size());
    }

    @Test
    void newStillResumesACopyLeftWithoutItsInstance(TestAccount aws) {
        aws.production();
        aws.clustersCreatingFor(1);
        aws.run(Operation.NEW, document());

        Result resumed = aws.run(Operation.NEW, document());

        assertEquals(Outcome.CHANGED, resumed.outcome(), resumed.message());
        assertTrue(resumed.message().startsWith("resumed copy"), resumed.message());
        assertEquals(1, aws.copies("staging").get(0).instances().size());
    }

    @Test
    void modifyWithoutTheInstanceClassSaysWhatItNeeds(TestAccount aws) {
        aws.production();
        aws.clustersCreatingFor(1);
        aws.run(Operation.NEW, document());
        ObjectNode thin = document();
        thin.remove("dbInstanceClass");
        thin.remove("dbSubnetGroupName");
        thin.remove("sourceClusterName");

        Result modify = aws.run(Operation.MODIFY, thin);

        assertEquals(Outcome.FAILED, modify.outcome(), modify.message());
        assertTrue(modify.message().contains("no dbInstanceClass"), modify.message());
        assertEquals(List.of(), aws.copies("staging").get(0).instances());
    }
}
