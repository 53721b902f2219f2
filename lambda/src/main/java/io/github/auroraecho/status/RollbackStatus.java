package io.github.auroraecho.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.lifecycle.RollbackTarget;
import io.github.auroraecho.lifecycle.TimeTag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The copy a rollback of one lifecycle would return to ({@link RollbackTarget}), when it was retired, and until when
 * it stays: retire deletes it {@code drainMinutes} after its retirement, a field of the lifecycle document, which
 * status reads from the lifecycle's connection parameter, where promote last wrote it.
 *
 * @param copy         null when a rollback has no copy to return to
 * @param retiredAt    null without a copy, or for one retired without a recorded time
 * @param drainMinutes null when the connection parameter does not say
 */
public record RollbackStatus(String managedName, String copy, Instant retiredAt, Long drainMinutes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RollbackStatus of(String managedName, List<Copy> copies, Long drainMinutes) {
        return RollbackTarget.of(copies, managedName)
                .map(copy -> new RollbackStatus(managedName, copy.name(),
                        TimeTag.RETIRED.of(copy.clusterTags(), managedName).orElse(null), drainMinutes))
                .orElseGet(() -> new RollbackStatus(managedName, null, null, drainMinutes));
    }

    /** When retire may delete the copy; null when the retirement time or the drain is not known. */
    public Instant until() {
        return retiredAt == null || drainMinutes == null ? null : retiredAt.plus(Duration.ofMinutes(drainMinutes));
    }

    /** One line for people. */
    public String line() {
        if (copy == null) {
            return "rollback of " + managedName + ": no retired copy to return to (or rolled back until the next promote)";
        }
        if (retiredAt == null) {
            return "rollback of " + managedName + " -> " + copy;
        }
        return "rollback of " + managedName + " -> " + copy + ", retired at " + TimeTag.value(retiredAt) + (until() != null
                ? ", there until " + TimeTag.value(until()) + " (drainMinutes " + drainMinutes + ")"
                : ", there until drainMinutes after that (default " + Retirement.DEFAULT_DRAIN_MINUTES + ")");
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("managedName", managedName);
        node.put("copy", copy);
        node.put("retiredAt", retiredAt == null ? null : TimeTag.value(retiredAt));
        node.put("until", until() == null ? null : TimeTag.value(until()));
        return node;
    }
}
