package io.github.auroraecho.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document's {@code verify}: checks promote runs on a copy, in order, before it points DNS at it. A copy
 * that fails one is never served (see docs/verify.md).
 */
public record Verification(List<Check> checks) {
    public static final int MAX_CHECKS = 20;

    public Verification {
        checks = List.copyOf(checks);
    }

    static Verification read(DocumentReader doc) {
        List<Check> checks = doc.objects("verify", MAX_CHECKS).stream().map(Check::read).toList();
        for (int i = 0; i < checks.size(); i++) {
            String name = checks.get(i).name();
            if (checks.subList(0, i).stream().anyMatch(check -> check.name().equals(name))) {
                throw doc.invalid("verify[" + i + "].name", "is \"" + name + "\" again: each check's name is unique");
            }
        }
        return new Verification(checks);
    }

    /**
     * The tag {@code aurora-echo:<managedName>:rejected} that marks a copy which failed a check (its value names the
     * check), written with the move to {@code retired}: no promote serves the copy, and retire deletes it after its
     * drain. Its stage stays one of 2.x's four values.
     */
    public static String rejectedTagKey(String managedName) {
        return "aurora-echo:" + managedName + ":rejected";
    }

    /**
     * The value of {@link #rejectedTagKey} on a copy that rollback took DNS away from: rejected like a copy that failed
     * a check, so no rollback returns to it and retire deletes it after its drain.
     */
    public static final String ROLLED_BACK = "rolled back";

    /** Why a copy with this {@link #rejectedTagKey} value was rejected, in words. */
    public static String rejection(String value) {
        return ROLLED_BACK.equals(value) ? ROLLED_BACK : "check \"" + value + "\" failed";
    }

    /** The check that rejected a copy with these cluster tags ({@link #ROLLED_BACK} for a rollback); empty for a copy that was not rejected. */
    public static Optional<String> rejectedBy(Map<String, String> clusterTags, String managedName) {
        return Optional.ofNullable(clusterTags.get(rejectedTagKey(managedName)));
    }

    public boolean isEmpty() {
        return checks.isEmpty();
    }
}
