package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.ConnectionParameter;
import io.github.auroraecho.lifecycle.Copy;

/** The lifecycle's connection parameter naming the copy DNS serves, written by promote and rollback once DNS moved. */
final class ServedParameter {
    private ServedParameter() {
    }

    /** Writes the lifecycle's connection parameter for {@code copy} unless it already names it; true when it wrote. */
    static boolean write(StageContext context, Copy copy) {
        String managedName = context.managedName();
        ConnectionParameter wanted = ConnectionParameter.of(context.config(), copy, context.now());
        if (!ConnectionParameter.needsWrite(context.parameters().read(managedName), wanted)) {
            return false;
        }
        context.parameters().write(managedName, wanted.toJson(), copy.name());
        return true;
    }
}
