package io.github.auroraecho.lifecycle;

import java.time.Duration;

/**
 * How often a lifecycle makes a copy, and how long a copy may take to become available.
 *
 * @param minimumAgeHours new and clone make nothing while a copy of the lifecycle is younger than this
 * @param stuckAfterHours a copy still creating after this long is reported as stuck
 */
public record Timing(double minimumAgeHours, double stuckAfterHours) {
    public static final double DEFAULT_MINIMUM_AGE_HOURS = 20;
    /** A restore of a large database takes hours; one still creating after this is reported as stuck. */
    public static final double DEFAULT_STUCK_AFTER_HOURS = 8;

    static Timing read(DocumentReader doc) {
        return new Timing(
                doc.number("minimumAgeHours", DEFAULT_MINIMUM_AGE_HOURS, 0, 24 * 366),
                doc.number("stuckAfterHours", DEFAULT_STUCK_AFTER_HOURS, 1, 72));
    }

    public Duration minimumAge() {
        return Duration.ofSeconds(Math.round(minimumAgeHours * 3600));
    }

    public Duration stuckAfter() {
        return Duration.ofMinutes(Math.round(stuckAfterHours * 60));
    }
}
