package io.github.auroraecho.lifecycle;

import java.util.Locale;
import java.util.Optional;

/** The five scheduled operations; each runs on its own schedule with the same lifecycle document. */
public enum Operation {
    NEW,
    CLONE,
    MODIFY,
    PROMOTE,
    RETIRE;

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

    public boolean createsCopies() {
        return this == NEW || this == CLONE;
    }
}
