package io.github.auroraecho.lifecycle;

/**
 * A stage that found the account in a state it must not act on (a missing source, a name taken by a
 * cluster that is not ours, a record of the wrong type): the run ends with outcome {@code failed}.
 */
public final class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
