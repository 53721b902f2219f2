package io.github.auroraecho.stages;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.CnameRecords;
import io.github.auroraecho.aws.ConnectionParameters;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.aws.CopyStore;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;

import java.time.Instant;

/**
 * Everything one run of a stage works with: the document, the effects, the time it started, and the environment
 * whose functions manage the copies it makes (null when none: a copy only the command line manages).
 *
 * @param clock the time the run's waits are measured in against {@code deadline}
 */
public record StageContext(Operation operation, LifecycleConfig config, AwsClients aws, CopyStore copies, CnameRecords dns,
                           ConnectionParameters parameters, Changes changes, Instant now, Instant deadline,
                           java.time.Clock clock, String environment) {
    /** Time kept back from the Lambda budget to report the result after the last wait. */
    private static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(10);

    /** How long a wait may last: what the caller asks, cut to what is left of the function's time. */
    public java.time.Duration waitBudget(java.time.Duration wanted) {
        java.time.Duration left = java.time.Duration.between(clock.instant(), deadline.minus(MARGIN));
        return left.isNegative() ? java.time.Duration.ZERO : wanted.compareTo(left) < 0 ? wanted : left;
    }

    public String managedName() {
        return config.managedName();
    }

    /** A result carrying the changes made so far; a run that changed something in a dry run reports {@code planned}. */
    public Result result(Outcome outcome, String message, String copy) {
        Outcome reported = outcome == Outcome.CHANGED && changes.dryRun() ? Outcome.PLANNED : outcome;
        // The stages word their messages as done; a plan must not read as if it had happened.
        String said = reported == Outcome.PLANNED ? "dry run, nothing changed; a real run would have: " + message : message;
        String[] decision = {"stage", operation.cliName(), "managedName", managedName(), "outcome", reported.json(),
                "copy", copy, "message", said};
        // ERROR, so a failed run stays in the log when the function's application log level is WARN.
        if (reported == Outcome.FAILED) {
            Log.error("decision", decision);
        } else {
            Log.info("decision", decision);
        }
        return new Result(operation.cliName(), managedName(), reported, said, copy, changes.list(), null);
    }
}
