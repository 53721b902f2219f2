package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.RollbackTarget;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.Verification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.auroraecho.testing.Copies.CONFIG;
import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static io.github.auroraecho.testing.Copies.withClusterTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rollback rules, as pure functions of the copies found and of what the record points to. */
class RollbackRulesTest {
    private static final Copy SERVED = copy("staging-2026-11-25", Stage.PROMOTED, NOW);
    private static final Copy YESTERDAY = copy("staging-2026-11-24", Stage.RETIRED, NOW.minus(Duration.ofDays(1)));
    private static final Copy BEFORE = copy("staging-2026-11-23", Stage.RETIRED, NOW.minus(Duration.ofDays(2)));

    private static Map<String, Optional<String>> pointingAt(Copy copy) {
        return Map.of("Z1", Optional.of(copy.endpoint()));
    }

    private static Copy rejected(Copy copy, String why) {
        return withClusterTags(copy, Map.of(Verification.rejectedTagKey("staging"), why));
    }

    @Test
    void returnsToTheNewestRetiredCopyAndRejectsTheServedOne() {
        assertEquals(new RollbackStage.Plan.Rollback(YESTERDAY, List.of(SERVED)),
                RollbackStage.decide(List.of(BEFORE, SERVED, YESTERDAY), CONFIG, pointingAt(SERVED)));
        assertEquals(Optional.of(YESTERDAY), RollbackTarget.of(List.of(BEFORE, SERVED, YESTERDAY), "staging"));
    }

    @Test
    void neverReturnsToARejectedOrUnavailableCopy() {
        Copy failedItsChecks = rejected(YESTERDAY, "orders copied");
        Copy deleting = copy("staging-2026-11-22", Stage.RETIRED, NOW.minus(Duration.ofDays(3)), "deleting", true);
        assertEquals(new RollbackStage.Plan.Rollback(BEFORE, List.of(SERVED)),
                RollbackStage.decide(List.of(SERVED, failedItsChecks, deleting, BEFORE), CONFIG, pointingAt(SERVED)));

        RollbackStage.Plan none = RollbackStage.decide(List.of(SERVED, failedItsChecks, deleting), CONFIG, pointingAt(SERVED));
        RollbackStage.Plan.Failed failed = assertInstanceOf(RollbackStage.Plan.Failed.class, none);
        assertTrue(failed.why().contains("no retired copy to roll back to from copy staging-2026-11-25 (skipped: "
                + "staging-2026-11-24 (rejected: check \"orders copied\" failed), staging-2026-11-22 (cluster deleting"),
                failed.why());
        assertTrue(failed.why().contains("30 minutes after it was retired (drainMinutes); to keep yesterday's copy for a "
                + "rollback, set drainMinutes to 1440 or more"), failed.why());
    }

    @Test
    void aStoppedRetiredCopyIsATargetUnlessRejected() {
        Copy stopped = copy(YESTERDAY.name(), Stage.RETIRED, NOW.minus(Duration.ofDays(1)), "stopped", true);
        assertEquals(new RollbackStage.Plan.Rollback(stopped, List.of(SERVED)),
                RollbackStage.decide(List.of(SERVED, stopped, BEFORE), CONFIG, pointingAt(SERVED)));
        assertEquals(Optional.of(BEFORE), RollbackTarget.of(List.of(SERVED, rejected(stopped, "orders copied"), BEFORE),
                "staging"));
    }

    @Test
    void aNewerRetiredCopyIsNoTarget() {
        Copy brokenTonight = copy("staging-2026-11-26", Stage.RETIRED, NOW.plus(Duration.ofHours(1)));
        assertEquals(new RollbackStage.Plan.Rollback(YESTERDAY, List.of(SERVED)),
                RollbackStage.decide(List.of(brokenTonight, SERVED, YESTERDAY), CONFIG, pointingAt(SERVED)));
    }

    @Test
    void onceRolledBackItDoesNothingUntilTheNextPromote() {
        Copy back = copy(YESTERDAY.name(), Stage.PROMOTED, NOW.minus(Duration.ofDays(1)));
        Copy rolledBack = rejected(copy(SERVED.name(), Stage.RETIRED, NOW), Verification.ROLLED_BACK);
        RollbackStage.Plan plan = RollbackStage.decide(List.of(rolledBack, back, BEFORE), CONFIG, pointingAt(back));
        assertEquals(new RollbackStage.Plan.Nothing("copy staging-2026-11-24 is served since copy staging-2026-11-25 "
                + "was rolled back; a rollback goes back one copy until the next promote"), plan);
        assertEquals(Optional.empty(), RollbackTarget.of(List.of(rolledBack, back, BEFORE), "staging"));

        Copy promotedTonight = copy("staging-2026-11-26", Stage.PROMOTED, NOW.plus(Duration.ofDays(1)));
        Copy retiredBack = copy(YESTERDAY.name(), Stage.RETIRED, NOW.minus(Duration.ofDays(1)));
        assertEquals(new RollbackStage.Plan.Rollback(retiredBack, List.of(promotedTonight)), RollbackStage.decide(
                List.of(promotedTonight, rolledBack, retiredBack), CONFIG, pointingAt(promotedTonight)));
    }

    @Test
    void aRunStoppedBetweenItsTagCallsRejectsTheCopyDnsLeft() {
        Copy back = copy(YESTERDAY.name(), Stage.PROMOTED, NOW.minus(Duration.ofDays(1)));
        assertEquals(new RollbackStage.Plan.Rollback(back, List.of(SERVED)),
                RollbackStage.decide(List.of(SERVED, back), CONFIG, pointingAt(back)));
    }

    @Test
    void withNothingPromotedThereIsNothingToRollBackFrom() {
        assertInstanceOf(RollbackStage.Plan.Nothing.class, RollbackStage.decide(List.of(YESTERDAY), CONFIG, Map.of()));
    }
}
