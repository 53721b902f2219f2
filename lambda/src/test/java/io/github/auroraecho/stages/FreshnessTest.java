package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.auroraecho.testing.Copies.NOW;
import static io.github.auroraecho.testing.Copies.copy;
import static io.github.auroraecho.testing.Copies.withClusterTags;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which copy a run reports as served, and how old it and its data are: pure rules over the copies read. */
class FreshnessTest {
    private final Copy served = withClusterTags(copy("staging-2026-11-24", Stage.PROMOTED, NOW.minus(Duration.ofHours(25))),
            Map.of(TimeTag.SOURCE_POINT.key("staging"), TimeTag.value(NOW.minus(Duration.ofHours(27)))));
    private final Copy older = copy("staging-2026-11-23", Stage.PROMOTED, NOW.minus(Duration.ofHours(49)));
    private final Copy modified = withClusterTags(copy("staging-2026-11-25", Stage.MODIFIED, NOW.minus(Duration.ofHours(2))),
            Map.of(TimeTag.SOURCE_POINT.key("staging"), TimeTag.value(NOW.minus(Duration.ofHours(3))),
                    TimeTag.MODIFIED.key("staging"), TimeTag.value(NOW.minus(Duration.ofMinutes(30)))));
    private final List<Copy> copies = List.of(older, served, modified);

    private static Result result(String stage, Outcome outcome, String copy) {
        return new Result(stage, "staging", outcome, "", copy, List.of(), null);
    }

    @Test
    void aRunThatMovesNoDnsReportsTheNewestPromotedCopy() {
        Freshness freshness = Freshness.after(copies, "staging", result("modify", Outcome.CHANGED, modified.name()), NOW)
                .orElseThrow();
        assertEquals(new Freshness(served.name(), Duration.ofHours(25), Duration.ofHours(27), null), freshness);
    }

    @Test
    void aPromoteThatChangedReportsTheCopyItPromotedWithItsTimeFromNewToModified() {
        Freshness freshness = Freshness.after(copies, "staging", result("promote", Outcome.CHANGED, modified.name()), NOW)
                .orElseThrow();
        assertEquals(new Freshness(modified.name(), Duration.ofHours(2), Duration.ofHours(3), Duration.ofMinutes(90)),
                freshness);
    }

    @Test
    void aPromoteThatWaitedStillServesTheOldCopy() {
        assertEquals(served.name(), Freshness.after(copies, "staging",
                result("promote", Outcome.WAITING, modified.name()), NOW).orElseThrow().servedCopy());
    }

    @Test
    void aCopyWithoutRecordedTimesHasNoSourcePointAge() {
        Freshness freshness = Freshness.after(List.of(older), "staging", result("retire", Outcome.NOTHING_TO_DO, null), NOW)
                .orElseThrow();
        assertNull(freshness.sourcePointAge());
    }

    @Test
    void nothingIsServedBeforeTheFirstPromote() {
        assertEquals(Optional.empty(), Freshness.after(List.of(modified), "staging",
                result("modify", Outcome.NOTHING_TO_DO, null), NOW));
    }
}
