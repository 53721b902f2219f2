package io.github.auroraecho.lifecycle;

import java.time.Instant;

/**
 * When the lifecycle's copies are stopped, so they cost storage only: outside the served copy's running hours, and
 * with {@code stopRetired} a retired copy for its whole drain (docs/operations.md, "Running hours").
 *
 * @param runningHours null when the served copy runs around the clock
 * @param stopRetired promote stops the copy it retires once DNS no longer points to it
 */
public record Stopping(RunningHours runningHours, boolean stopRetired) {
    static Stopping read(DocumentReader doc) {
        return new Stopping(RunningHours.read(doc), doc.bool("stopRetired", false));
    }

    /** Whether the served copy should be stopped at {@code instant}: outside its running hours, when it has some. */
    public boolean servedCopyStoppedAt(Instant instant) {
        return runningHours != null && !runningHours.runsAt(instant);
    }
}
