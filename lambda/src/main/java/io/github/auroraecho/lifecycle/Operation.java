package io.github.auroraecho.lifecycle;

import java.util.Locale;
import java.util.Optional;

/**
 * The operations, each run with the same lifecycle document: five on the schedules an environment's settings give
 * them; rollback, run by hand (it has no schedule; see {@link #isScheduled}); and stop and start, on the schedules the
 * document's {@code runningHours} make ({@link #followsRunningHours}).
 */
public enum Operation {
    NEW,
    CLONE,
    MODIFY,
    PROMOTE,
    RETIRE,
    ROLLBACK,
    STOP,
    START;

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

    /**
     * Whether the operation may have a schedule in an environment's settings: rollback is run by hand, when a served
     * copy proves bad, and stop and start run when the document's running hours say.
     */
    public boolean isScheduled() {
        return this != ROLLBACK && !followsRunningHours();
    }

    /** Stop and start: scheduled from the document's {@code runningHours}, in its time zone. */
    public boolean followsRunningHours() {
        return this == STOP || this == START;
    }

    public boolean createsCopies() {
        return this == NEW || this == CLONE;
    }
}
