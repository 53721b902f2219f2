package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StageTest {
    private static final String KEY = "aurora-echo:staging:stage";

    @Test
    void tagKeyIsTheOneAuroraEcho2Writes() {
        assertEquals(KEY, Stage.tagKey("staging"));
        assertEquals(Optional.of("staging"), Stage.managedNameOf(KEY));
        assertEquals(Optional.empty(), Stage.managedNameOf("aurora-echo::stage"));
        assertEquals(Optional.empty(), Stage.managedNameOf("team"));
    }

    @Test
    void instanceTagWinsOverClusterTagAs2xMovesOnlyTheInstanceTag() {
        Copy copy = copy(Map.of(KEY, "new"), Map.of(KEY, "promoted"));
        assertEquals(Optional.of(Stage.PROMOTED), copy.stage("staging"));
    }

    @Test
    void clusterTagCountsWhenNoInstanceCarriesOne() {
        assertEquals(Optional.of(Stage.RETIRED), copy(Map.of(KEY, "retired"), Map.of()).stage("staging"));
        assertEquals(Optional.of(Stage.NEW), copy(Map.of(KEY, "new"), null).stage("staging"));
    }

    @Test
    void unknownValuesAndOtherLifecyclesGiveNoStage() {
        assertEquals(Optional.empty(), copy(Map.of(KEY, "weird"), Map.of()).stage("staging"));
        assertEquals(Optional.empty(), copy(Map.of("aurora-echo:qa:stage", "new"), Map.of()).stage("staging"));
    }

    @Test
    void copyNamesCarryTheirDate() {
        LocalDate date = LocalDate.of(2026, 11, 25);
        assertEquals("staging-2026-11-25", CopyName.of("staging", date, null));
        assertEquals("staging-2026-11-25-b", CopyName.of("staging", date, "b"));
        assertEquals(Optional.of(date), CopyName.dateOf("staging", "staging-2026-11-25-b"));
        assertEquals(Optional.empty(), CopyName.dateOf("staging", "staging-prod"));
        assertEquals(Optional.empty(), CopyName.dateOf("staging", "staging-2026-13-45"));
    }

    @Test
    void copyNamesCompareAsRdsComparesIdentifiers() {
        LocalDate date = LocalDate.of(2026, 11, 25);
        assertEquals(Optional.of(date), CopyName.dateOf("staging", "STAGING-2026-11-25"));
        assertEquals(Optional.of(date), CopyName.dateOf("Staging", "staging-2026-11-25-b"));
        // A foreign name as long as the lifecycle's must not parse as one of its copies.
        assertEquals(Optional.empty(), CopyName.dateOf("staging", "abcdefg-2026-11-25"));
        assertEquals(Optional.empty(), CopyName.dateOf("staging", "stag"));
        assertEquals(Optional.empty(), CopyName.dateOf("staging", "staging-2026-11-25-"));
    }

    static Copy copy(Map<String, String> clusterTags, Map<String, String> instanceTags) {
        List<Copy.Instance> instances = instanceTags == null ? List.of()
                : List.of(new Copy.Instance("staging-2026-11-25", "arn:i", "available", "i.example", instanceTags));
        return new Copy("staging-2026-11-25", "arn:c", "available", "aurora-postgresql", Instant.EPOCH,
                "w.example", "r.example", false, clusterTags, List.of(), instances,
                new Copy.Settings(null, 1, false, null, null, null));
    }
}
