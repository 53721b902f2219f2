package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.Duration;

/**
 * How Lambda handles a stage's asynchronous invocations (every schedule's), chosen rather than left at Lambda's
 * defaults (two retries, six hours).
 *
 * <p>No retries: a run's AWS calls already retry throttling and server errors (the SDK's standard mode), so a run
 * that still ends failed was refused (a missing permission, a copy DNS still points to, a broken copy, a bad
 * document) and would fail the same way a minute later, only delaying the failure record the operator gets. Every
 * stage is idempotent and its schedule runs again; an operator who fixed the cause can run it at once (CLI or the
 * console's Test button).
 *
 * <p>The maximum event age bounds how late a run may start when Lambda itself holds the event back (throttling,
 * an error of the service): those retries do not count against the attempts above. An event dropped for its age
 * reaches the on-failure destination too, with the condition {@code EventAgeExceeded}.
 *
 * @param maxEventAge promote must move DNS in the window its schedule chose, not hours later during the working
 *                    day; modify runs every few minutes, so a late run is replaced by the next one; a copy made,
 *                    deleted, stopped or started an hour or two late is still what the night (or the running hours)
 *                    should have done, and better than a copy never stopped or started
 */
public record AsyncInvocation(int retryAttempts, Duration maxEventAge) {

    public static AsyncInvocation of(Operation operation) {
        return switch (operation) {
            case PROMOTE, MODIFY, ROLLBACK -> new AsyncInvocation(0, Duration.minutes(15));
            case NEW, CLONE, RETIRE, STOP, START -> new AsyncInvocation(0, Duration.hours(2));
        };
    }
}
