package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which times a stage move writes: the first one while the copy stays in the stage, the move's on arrival. */
class CopyTagsTimesTest {
    private static final Instant FIRST = Instant.parse("2026-12-08T05:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-09T05:00:00Z");
    private static final String RETIRED_AT = TimeTag.RETIRED.key("staging");
    private static final String VERIFIED_AT = TimeTag.VERIFIED.key("staging");

    private static Map<String, String> tags(Stage stage, String... keyValues) {
        Map<String, String> tags = new java.util.HashMap<>(CopyTags.stage("staging", stage));
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.put(keyValues[i], keyValues[i + 1]);
        }
        return tags;
    }

    @Test
    void aRetriedMoveKeepsTheFirstTime() {
        Map<String, String> retired = tags(Stage.RETIRED, RETIRED_AT, TimeTag.value(FIRST));

        assertEquals(Map.of(), CopyTags.times(retired, "staging", Stage.RETIRED, Map.of(TimeTag.RETIRED, NOW)));
    }

    @Test
    void aTimeNotYetCarriedIsWrittenInTheStage() {
        Map<String, String> modified = tags(Stage.MODIFIED);

        assertEquals(Map.of(VERIFIED_AT, TimeTag.value(NOW)),
                CopyTags.times(modified, "staging", Stage.MODIFIED, Map.of(TimeTag.VERIFIED, NOW)));
    }

    @Test
    void aCopyComingBackIntoAStageGetsTheMovesTime() {
        // Returned to by a rollback: promoted, still carrying its first retirement's time.
        Map<String, String> rolledBackTo = tags(Stage.PROMOTED, RETIRED_AT, TimeTag.value(FIRST));

        assertEquals(Map.of(RETIRED_AT, TimeTag.value(NOW)),
                CopyTags.times(rolledBackTo, "staging", Stage.RETIRED, Map.of(TimeTag.RETIRED, NOW)));
    }

    @Test
    void timesComeInTheirOrder() {
        assertEquals(java.util.List.of(RETIRED_AT, VERIFIED_AT), java.util.List.copyOf(CopyTags.times(tags(Stage.MODIFIED),
                "staging", Stage.RETIRED, Map.of(TimeTag.VERIFIED, NOW, TimeTag.RETIRED, NOW)).keySet()));
    }
}
