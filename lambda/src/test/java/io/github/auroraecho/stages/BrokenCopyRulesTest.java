package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.github.auroraecho.testing.Copies.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed and stuck restores are reported and do not hold the lifecycle up. */
class BrokenCopyRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final LifecycleConfig CONFIG = LifecycleConfig.parse("""
            {"managedName": "staging", "sourceClusterName": "prod", "dbSubnetGroupName": "default",
             "dbInstanceClass": "db.r6g.large", "stuckAfterHours": 6}""", Operation.NEW);

    @ParameterizedTest
    @ValueSource(strings = {"failed", "incompatible-restore", "incompatible-parameters", "inaccessible-encryption-credentials"})
    void aFailedOrIncompatibleCopyIsBroken(String status) {
        Copy copy = copy("staging-2026-11-25", Stage.NEW, NOW.minus(Duration.ofHours(1)), status, true);
        assertTrue(copy.problem("staging", NOW, CONFIG.timing().stuckAfter()).orElseThrow().contains(status));
        assertInstanceOf(ModifyStage.Plan.Broken.class, ModifyStage.decide(List.of(copy), CONFIG, NOW));
    }

    @Test
    void creatingIsWaitingUntilTheLimitAndBrokenAfter() {
        Copy recent = copy("staging-2026-11-25", Stage.NEW, NOW.minus(Duration.ofHours(5)), "creating", true);
        Copy stuck = copy("staging-2026-11-25", Stage.NEW, NOW.minus(Duration.ofHours(7)), "creating", true);
        assertEquals(Optional.empty(), recent.problem("staging", NOW, CONFIG.timing().stuckAfter()));
        assertInstanceOf(ModifyStage.Plan.Waiting.class, ModifyStage.decide(List.of(recent), CONFIG, NOW));
        assertTrue(stuck.problem("staging", NOW, CONFIG.timing().stuckAfter()).orElseThrow().contains("creating for 7 hours"));
        assertInstanceOf(ModifyStage.Plan.Broken.class, ModifyStage.decide(List.of(stuck), CONFIG, NOW));
    }

    @Test
    void aBrokenModifiedCopyIsNotWaitedForForever() {
        Copy failed = copy("staging-2026-11-25", Stage.MODIFIED, NOW.minus(Duration.ofHours(1)), "failed", true);
        assertInstanceOf(PromoteStage.Plan.Broken.class, PromoteStage.decide(List.of(failed), CONFIG, NOW));
    }

    @Test
    void aHalfMadeCopyWhoseClusterFailedIsAbandonedNotResumedForever() {
        Copy halfMade = copy("staging-2026-11-24", Stage.NEW, NOW.minus(Duration.ofDays(1)), "failed", false);
        assertEquals(new CopyCreation.Plan.Abandon(halfMade, "cluster staging-2026-11-24 is failed"),
                CopyCreation.decide(List.of(halfMade), CONFIG, NOW));
    }
}
