package io.github.auroraecho.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * The operations, each run with the same lifecycle document: five on their own schedules, and rollback, run by hand
 * (it has no schedule; see {@link #isScheduled}).
 */
public enum Operation {
    NEW,
    CLONE,
    MODIFY,
    PROMOTE,
    RETIRE,
    ROLLBACK;

    /** The name used on the command line, in results and in test-events/. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operation> fromCliName(String name) {
        for (Operation operation : values()) {
            if (operation.cliName().equals(name)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    /** Whether the operation may have a schedule: rollback is run by hand, when a served copy proves bad. */
    public boolean isScheduled() {
        return this != ROLLBACK;
    }

    public boolean createsCopies() {
        return this == NEW || this == CLONE;
    }
}
