package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ownership rule: named as the lifecycle's copies and tagged on the cluster, never the source. */
class OwnershipTest {
    private static final String KEY = Stage.tagKey("staging");
    private static final Map<String, String> TAGGED = Map.of(KEY, "retired");
    private static final Ownership STAGING = new Ownership("staging", "prod");

    @Test
    void aClusterNamedAndTaggedAsACopyIsOne() {
        for (String name : List.of("staging-2026-11-24", "staging-2026-11-24-blue", "STAGING-2026-11-24",
                "Staging-2026-11-24-X")) {
            assertEquals(List.of(name), names(STAGING.sort(List.of(cluster(name, TAGGED)), Map.of()).copies()), name);
        }
        assertEquals(List.of("staging-2026-11-24"),
                names(new Ownership("Staging", null).sort(List.of(cluster("staging-2026-11-24",
                        Map.of(Stage.tagKey("Staging"), "new"))), Map.of()).copies()));
    }

    @Test
    void aTaggedClusterNotNamedAsACopyIsReportedNotUsed() {
        for (String name : List.of("svc-x", "prod-copy", "stagingx-2026-11-24", "abcdefg-2026-11-24", "staging",
                "staging-2026-13-01", "staging-20261124", "qa-2026-11-24")) {
            Ownership.Found found = STAGING.sort(List.of(cluster(name, TAGGED)), Map.of());
            assertEquals(List.of(), found.copies(), name);
            assertEquals(List.of(new Ownership.Stray("cluster " + name, "retired",
                    "its name is not of the form staging-YYYY-MM-DD[-suffix]")), found.strays(), name);
        }
    }

    @Test
    void theSourceIsNeverACopyByNameOrArnInAnyCase() {
        for (String source : List.of("staging-2026-01-01", "STAGING-2026-01-01",
                "arn:aws:rds:us-east-1:123456789012:cluster:staging-2026-01-01",
                "arn:aws:rds:us-east-1:123456789012:cluster:Staging-2026-01-01")) {
            Ownership.Found found = new Ownership("staging", source)
                    .sort(List.of(cluster("staging-2026-01-01", TAGGED)), Map.of());
            assertEquals(List.of(), found.copies(), source);
            assertEquals(List.of(new Ownership.Stray("cluster staging-2026-01-01", "retired",
                    "it is the lifecycle's source cluster")), found.strays(), source);
        }
    }

    @Test
    void anotherClusterThanTheSourceStaysACopy() {
        Ownership sourced = new Ownership("staging", "arn:aws:rds:us-east-1:123456789012:cluster:staging-2026-01-01");
        assertEquals(List.of("staging-2026-01-02"),
                names(sourced.sort(List.of(cluster("staging-2026-01-02", TAGGED)), Map.of()).copies()));
    }

    @Test
    void theSourceIsNotACopyEvenWhereTheDocumentDoesNotNameIt() {
        Ownership.Found found = new Ownership("staging", null).sort(List.of(cluster("prod", TAGGED)), Map.of());
        assertEquals(List.of(), found.copies());
        assertEquals(1, found.strays().size());
    }

    @Test
    void aCopyNamedClusterWithoutTheClusterTagIsNotACopyAndItsTaggedInstanceIsReported() {
        Copy untagged = cluster("staging-2026-11-24", Map.of("other", "x"), instance("staging-2026-11-24", TAGGED));
        Ownership.Found found = STAGING.sort(List.of(untagged), Map.of());
        assertEquals(List.of(), found.copies());
        assertEquals(List.of(new Ownership.Stray("instance staging-2026-11-24", "retired",
                "a member of cluster staging-2026-11-24, which is not a copy: its cluster lacks the tag " + KEY)),
                found.strays());
        assertEquals(java.util.Optional.of("its cluster lacks the tag " + KEY),
                STAGING.notACopy("staging-2026-11-24", Map.of()));
    }

    @Test
    void anInstanceCountsOnlyAsAMemberOfACopy() {
        Copy copy = cluster("staging-2026-11-24", TAGGED, instance("staging-2026-11-24", TAGGED));
        Map<String, String> tagged = Map.of(arn("db", "staging-2026-11-24"), "retired", arn("db", "prod-1"), "new");
        Ownership.Found found = STAGING.sort(List.of(copy), tagged);
        assertEquals(List.of(copy), found.copies());
        assertEquals(List.of(new Ownership.Stray("instance prod-1", "new", "not a member of one of its copies")),
                found.strays());
    }

    @Test
    void anUntaggedInstanceOfANonCopyIsNotReported() {
        Copy foreign = cluster("svc-x", Map.of(KEY, "new"), instance("svc-x-1", Map.of()));
        assertEquals(List.of("cluster svc-x"),
                STAGING.sort(List.of(foreign), Map.of()).strays().stream().map(Ownership.Stray::resource).toList());
    }

    @Test
    void aStrayIsDescribedForTheOperator() {
        assertEquals("cluster prod is tagged for staging but not one of its copies (it is the lifecycle's source cluster)",
                new Ownership.Stray("cluster prod", "retired", "it is the lifecycle's source cluster").describe("staging"));
    }

    private static List<String> names(List<Copy> copies) {
        return copies.stream().map(Copy::name).toList();
    }

    private static String arn(String type, String id) {
        return "arn:aws:rds:us-east-1:123456789012:" + type + ":" + id;
    }

    private static Copy.Instance instance(String id, Map<String, String> tags) {
        return new Copy.Instance(id, arn("db", id), "available", id + ".instance.example", tags);
    }

    private static Copy cluster(String name, Map<String, String> tags, Copy.Instance... instances) {
        return new Copy(name, arn("cluster", name), "available", "aurora-postgresql", Instant.EPOCH,
                name + ".cluster.example", null, false, tags, List.of(), List.of(instances),
                new Copy.Settings(null, 1, false, null, null, null));
    }
}
