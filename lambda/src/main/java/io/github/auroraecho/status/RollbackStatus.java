package io.github.auroraecho.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.lifecycle.RollbackTarget;
import io.github.auroraecho.lifecycle.TimeTag;

import java.time.Instant;
import java.util.List;

/**
 * The copy a rollback of one lifecycle would return to ({@link RollbackTarget}) and when it was retired: retire
 * deletes it {@code drainMinutes} after that, a field of the lifecycle document, which status does not read.
 *
 * @param copy      null when a rollback has no copy to return to
 * @param retiredAt null without a copy, or for one retired without a recorded time
 */
public record RollbackStatus(String managedName, String copy, Instant retiredAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RollbackStatus of(String managedName, List<Copy> copies) {
        return RollbackTarget.of(copies, managedName)
                .map(copy -> new RollbackStatus(managedName, copy.name(),
                        TimeTag.RETIRED.of(copy.clusterTags(), managedName).orElse(null)))
                .orElseGet(() -> new RollbackStatus(managedName, null, null));
    }

    /** One line for people. */
    public String line() {
        if (copy == null) {
            return "rollback of " + managedName + ": no retired copy to return to (or rolled back until the next promote)";
        }
        return "rollback of " + managedName + " -> " + copy + (retiredAt == null ? "" : ", retired at "
                + TimeTag.value(retiredAt) + ", there until drainMinutes after that (default "
                + Retirement.DEFAULT_DRAIN_MINUTES + ")");
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode();
        node.put("managedName", managedName);
        node.put("copy", copy);
        node.put("retiredAt", retiredAt == null ? null : TimeTag.value(retiredAt));
        return node;
    }
}
