package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The creation rules, as pure functions of the copies found. */
class CopyCreationRulesTest {

    @Test
    void createsTodaysCopyWhenTheLifecycleIsEmpty() {
        CopyCreation.Plan plan = CopyCreation.decide(List.of(), CONFIG, NOW);
        assertEquals(new CopyCreation.Plan.Create("staging-2026-11-25"), plan);
    }

    @Test
    void refusesWhileAnyCopyIsYoungerThanTheMinimumAge() {
        Copy young = copy("staging-2026-11-24", Stage.RETIRED, NOW.minus(Duration.ofHours(19)));
        assertInstanceOf(CopyCreation.Plan.TooYoung.class, CopyCreation.decide(List.of(young), CONFIG, NOW));
    }

    @Test
    void createsWhenTheYoungestCopyIsOldEnough() {
        Copy old = copy("staging-2026-11-24", Stage.PROMOTED, NOW.minus(Duration.ofHours(21)));
        assertEquals(new CopyCreation.Plan.Create("staging-2026-11-25"), CopyCreation.decide(List.of(old), CONFIG, NOW));
    }

    @Test
    void resumesACopyLeftWithoutItsInstanceWhateverItsAge() {
        Copy halfMade = copy("staging-2026-11-20", Stage.NEW, NOW.minus(Duration.ofDays(5)), "available", false);
        Copy young = copy("staging-2026-11-25", Stage.PROMOTED, NOW.minus(Duration.ofHours(1)));
        assertEquals(new CopyCreation.Plan.Resume(halfMade), CopyCreation.decide(List.of(young, halfMade), CONFIG, NOW));
    }

    @Test
    void aRetiredClusterWithoutInstanceIsNeverResumed() {
        Copy retiring = copy("staging-2026-11-20", Stage.RETIRED, NOW.minus(Duration.ofDays(5)), "available", false);
        assertEquals(new CopyCreation.Plan.Create("staging-2026-11-25"), CopyCreation.decide(List.of(retiring), CONFIG, NOW));
    }

    @Test
    void todaysNameAlreadyTakenByThisLifecycleIsADuplicateDelivery() {
        LifecycleConfig noMinimum = LifecycleConfig.parse(configWith("\"minimumAgeHours\": 0"), Operation.NEW);
        Copy today = copy("staging-2026-11-25", Stage.NEW, NOW.minus(Duration.ofMinutes(5)));
        assertEquals(new CopyCreation.Plan.AlreadyExists(today), CopyCreation.decide(List.of(today), noMinimum, NOW));
    }

    private static String configWith(String extra) {
        return """
                {"managedName": "staging", "sourceClusterName": "prod", "dbSubnetGroupName": "default",
                 "dbInstanceClass": "db.r6g.large", %s}""".formatted(extra);
    }
}
