package io.github.auroraecho.aws;

import java.util.Optional;

/**
 * Each lifecycle's connection parameter (see {@code lifecycle.ConnectionParameter}): {@link Ssm} is SSM Parameter
 * Store under the deployment's prefix; tests of the stage rules use an in-memory one.
 */
public interface ConnectionParameters {

    /** The parameter's full name for a lifecycle. */
    String name(String managedName);

    /** The parameter's value; empty when there is none. */
    Optional<String> read(String managedName);

    /** Creates or overwrites the parameter, as a change; {@code copy} is the copy it names. */
    void write(String managedName, String value, String copy);
}
