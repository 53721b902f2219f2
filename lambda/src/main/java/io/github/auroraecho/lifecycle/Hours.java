package io.github.auroraecho.lifecycle;

import java.time.Duration;

/** Ages as the reports show them (a run's result, {@code status --json}): hours to a tenth. */
public final class Hours {
    private Hours() {
    }

    public static double of(Duration duration) {
        return Math.round(duration.toMinutes() / 6.0) / 10.0;
    }
}
