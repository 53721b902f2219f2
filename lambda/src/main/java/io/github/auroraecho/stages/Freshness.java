package io.github.auroraecho.stages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Hours;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How fresh the copy a lifecycle serves is, after a run: the copy in stage {@code promoted} (what promote last
 * pointed DNS at), its age, and the age of the snapshot or clone point it holds. Worked out from the copies the
 * run already read, so it costs no call.
 *
 * @param sourcePointAge null for a copy without the time (made by aurora-echo 2.x or an earlier version)
 * @param newToModified  at a promote that changed DNS, how long the promoted copy took from new to modified;
 *                       null otherwise or when the copy carries no time of modification
 */
public record Freshness(String servedCopy, Duration servedCopyAge, Duration sourcePointAge, Duration newToModified) {

    /** The freshness after a run that read {@code copies} (before its own changes) and ended with {@code result}. */
    public static Optional<Freshness> after(List<Copy> copies, String managedName, Result result, Instant now) {
        boolean promoted = Operation.PROMOTE.cliName().equals(result.stage()) && result.outcome() == Outcome.CHANGED;
        Optional<Copy> served = promoted
                ? copies.stream().filter(copy -> copy.name().equals(result.copy())).findFirst()
                : copies.stream().filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.PROMOTED)))
                        .min(Copy.newestFirst(managedName));
        return served.map(copy -> new Freshness(copy.name(), copy.age(managedName, now),
                TimeTag.SOURCE_POINT.of(copy.clusterTags(), managedName).map(at -> Duration.between(at, now)).orElse(null),
                promoted ? TimeTag.MODIFIED.of(copy.clusterTags(), managedName)
                        .map(at -> Duration.between(copy.createdAt(managedName), at)).orElse(null) : null));
    }

    void addTo(ObjectNode node) {
        node.put("servedCopy", servedCopy);
        node.put("servedCopyAgeHours", Hours.of(servedCopyAge));
        if (sourcePointAge != null) {
            node.put("sourcePointAgeHours", Hours.of(sourcePointAge));
        }
        if (newToModified != null) {
            node.put("newToModifiedMinutes", newToModified.toMinutes());
        }
    }
}
