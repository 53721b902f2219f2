package io.github.auroraecho.stages;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.Dns;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.aws.RdsCopies;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;

/** Runs one operation for one lifecycle document: the entry point shared by the handlers and the CLI. */
public final class Engine {
    private final AwsClients aws;
    private final Clock clock;

    public Engine(AwsClients aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
    }

    public Result run(Operation operation, LifecycleConfig config) {
        Changes changes = new Changes(config.dryRun(), config.managedName());
        StageContext context = new StageContext(operation, config, aws, new RdsCopies(aws.rds(), changes),
                new Dns(aws::route53, changes), changes, clock.instant());
        try {
            return stage(operation).run(context);
        } catch (RefusedException e) {
            return context.result(Outcome.FAILED, e.getMessage(), null);
        } catch (SdkException e) {
            Log.warn("aws-error", "stage", operation.cliName(), "managedName", config.managedName(), "error", e.toString());
            return context.result(Outcome.FAILED, describe(e), null);
        }
    }

    private static LifecycleStage stage(Operation operation) {
        return switch (operation) {
            case NEW -> new NewStage();
            case CLONE -> new CloneStage();
            case MODIFY -> new ModifyStage();
            case PROMOTE -> new PromoteStage();
            case RETIRE -> new RetireStage();
        };
    }

    /** AWS's own words, which for AccessDenied name the action and resource that need a permission. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "AWS " + service.awsErrorDetails().serviceName() + " refused a call with "
                    + service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return "AWS call failed: " + e.getMessage();
    }
}
