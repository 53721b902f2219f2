package io.github.auroraecho.stages;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.AwsFailure;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.Gateways;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Runs one operation for one lifecycle document: the entry point shared by the handlers and the CLI. */
public final class Engine {
    private final AwsClients aws;
    private final Clock clock;
    private final Gateways gateways;
    private final String environment;

    /** For the environment of {@code AURORA_ECHO_ENVIRONMENT} (the deployed function's own), or none. */
    public Engine(AwsClients aws, Clock clock) {
        this(aws, clock, Gateways.of(aws, ConnectionParameterName.deployedPrefix()));
    }

    /** With other gateways to RDS, DNS and SSM (the CLI's parameter prefix; in-memory ones in tests); {@code aws} serves the rest (STS, Data API, S3). */
    public Engine(AwsClients aws, Clock clock, Gateways gateways) {
        this(aws, clock, gateways, CopyTags.deployedEnvironment());
    }

    private Engine(AwsClients aws, Clock clock, Gateways gateways, String environment) {
        this.aws = aws;
        this.clock = clock;
        this.gateways = gateways;
        this.environment = environment;
    }

    /** The same engine making copies for the given environment (the CLI's {@code --environment}). */
    public Engine forEnvironment(String owner) {
        return new Engine(aws, clock, gateways, owner);
    }

    /** Runs with no time limit beyond the stage's own bounded waits (the CLI). */
    public Result run(Operation operation, LifecycleConfig config) {
        return run(operation, config, Duration.ofDays(1));
    }

    /** Runs within a time budget (what is left of a Lambda invocation), so waits end before the function is killed. */
    public Result run(Operation operation, LifecycleConfig config, Duration budget) {
        Changes changes = new Changes(config.dryRun(), config.managedName());
        Instant now = clock.instant();
        StageContext context = new StageContext(operation, config, aws, gateways.copies().apply(changes),
                gateways.dns().apply(changes), gateways.parameters().apply(changes), changes, now, now.plus(budget), clock,
                environment);
        Result result;
        try {
            Ownership.Found found = context.copies().list(new Ownership(config.managedName(), config.source().sourceClusterName()));
            result = Strays.report(context, stage(operation).run(context, found.copies()), found.strays());
        } catch (RefusedException e) {
            result = context.result(Outcome.FAILED, e.getMessage(), null);
        } catch (SdkException e) {
            Log.warn("aws-error", "stage", operation.cliName(), "managedName", config.managedName(), "error", e.toString());
            result = context.result(Outcome.FAILED, AwsFailure.describe(e, aws.lastAction(), aws.lastEndpoint()), changes.lastCopy());
        } catch (RuntimeException e) {
            // An answer the code does not expect (a field AWS left out) or a bug: the run still reports what it did.
            result = context.result(Outcome.FAILED, unexpected(e, aws.lastAction(), changes.list().size()),
                    changes.lastCopy()).withError(e);
        }
        Result measured = result;
        return context.copies().lastListed()
                .flatMap(copies -> Freshness.after(copies, config.managedName(), measured, now))
                .map(result::withFreshness)
                .orElse(result);
    }

    private static LifecycleStage stage(Operation operation) {
        return switch (operation) {
            case NEW -> new NewStage();
            case CLONE -> new CloneStage();
            case MODIFY -> new ModifyStage();
            case PROMOTE -> new PromoteStage();
            case RETIRE -> new RetireStage();
            case ROLLBACK -> new RollbackStage();
            case STOP -> new StopStage();
            case START -> new StartStage();
        };
    }

    /** An unexpected failure in words: what broke, after which AWS call, and that the next run resumes. */
    static String unexpected(RuntimeException e, String action, int changed) {
        return "unexpected " + e + (action == null ? " before any AWS call" : " at or after the AWS call " + action)
                + (changed == 0 ? "; nothing was changed" : "; the changes listed were made or tried before it")
                + ". The next run resumes from the state left; if it fails the same way, report it with the stack trace "
                + "(the log line unexpected-error on Lambda, --verbose on the command line).";
    }
}
