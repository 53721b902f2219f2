package io.github.auroraecho.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The copy a rollback returns to, as rollback decides it and status shows it: the newest copy retired before the
 * served (newest promoted) one that is still there, available or stopped, and not rejected. None once a rollback took DNS away
 * from a copy newer than the served one: a rollback goes back one copy, until the next promote.
 */
public final class RollbackTarget {
    private RollbackTarget() {
    }

    /** The newest promoted copy, what DNS serves. */
    public static Optional<Copy> served(List<Copy> copies, String managedName) {
        return inStage(copies, managedName, Stage.PROMOTED).min(Copy.newestFirst(managedName));
    }

    /** A copy rolled back from, newer than the served one: the rollback is done. */
    public static Optional<Copy> rolledBack(List<Copy> copies, String managedName, Copy served) {
        Comparator<Copy> newestFirst = Copy.newestFirst(managedName);
        return copies.stream()
                .filter(copy -> Verification.rejectedBy(copy.clusterTags(), managedName)
                        .equals(Optional.of(Verification.ROLLED_BACK)))
                .filter(copy -> newestFirst.compare(copy, served) < 0)
                .min(newestFirst);
    }

    /** The retired copies older than the served one, newest first: what a rollback may return to, or say it skipped. */
    public static List<Copy> retiredBefore(List<Copy> copies, String managedName, Copy served) {
        Comparator<Copy> newestFirst = Copy.newestFirst(managedName);
        return inStage(copies, managedName, Stage.RETIRED)
                .filter(copy -> newestFirst.compare(served, copy) < 0)
                .sorted(newestFirst)
                .toList();
    }

    /**
     * Whether rollback may return to this retired copy: available, or stopped (or stopping or starting: rollback starts
     * it first, as {@code stopRetired} leaves it), and not rejected by a check or a rollback.
     */
    public static boolean eligible(Copy copy, String managedName) {
        return (copy.isAvailable() || copy.isPoweredDown())
                && Verification.rejectedBy(copy.clusterTags(), managedName).isEmpty();
    }

    /** The copy a rollback would return to now; empty when there is none, or the rollback is done. */
    public static Optional<Copy> of(List<Copy> copies, String managedName) {
        return served(copies, managedName)
                .filter(served -> rolledBack(copies, managedName, served).isEmpty())
                .flatMap(served -> retiredBefore(copies, managedName, served).stream()
                        .filter(copy -> eligible(copy, managedName)).findFirst());
    }

    private static java.util.stream.Stream<Copy> inStage(List<Copy> copies, String managedName, Stage stage) {
        return copies.stream().filter(copy -> copy.stage(managedName).equals(Optional.of(stage)));
    }
}
