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

/** The promote rules, as pure functions of the copies found. */
class PromoteRulesTest {

    @Test
    void promotesTheNewestModifiedCopyAndRetiresWhatItReplaces() {
        Copy promoted = copy("staging-2026-11-23", Stage.PROMOTED, NOW.minus(Duration.ofDays(2)));
        Copy olderModified = copy("staging-2026-11-24", Stage.MODIFIED, NOW.minus(Duration.ofDays(1)));
        Copy newest = copy("staging-2026-11-25", Stage.MODIFIED, NOW);
        Copy retired = copy("staging-2026-11-22", Stage.RETIRED, NOW.minus(Duration.ofDays(3)));
        PromoteStage.Plan plan = PromoteStage.decide(List.of(promoted, olderModified, newest, retired), CONFIG, NOW);
        assertEquals(new PromoteStage.Plan.Promote(newest, List.of(promoted, olderModified)), plan);
    }

    @Test
    void neverMovesDnsBackToAnOlderCopy() {
        Copy promoted = copy("staging-2026-11-25", Stage.PROMOTED, NOW);
        Copy older = copy("staging-2026-11-24", Stage.MODIFIED, NOW.minus(Duration.ofDays(1)));
        assertInstanceOf(PromoteStage.Plan.Nothing.class, PromoteStage.decide(List.of(promoted, older), CONFIG, NOW));
    }

    @Test
    void waitsForAnUnavailableCopy() {
        Copy modifying = copy("staging-2026-11-25", Stage.MODIFIED, NOW, "modifying", true);
        assertEquals(new PromoteStage.Plan.Waiting(modifying), PromoteStage.decide(List.of(modifying), CONFIG, NOW));
    }
}
