package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;

import java.util.List;

/**
 * What one {@link StageFunction} needs from its stack.
 *
 * @param environmentName names the function and its descriptions
 * @param statements      the stage's permissions beyond writing its own logs (see {@link StagePermissions})
 * @param alarmTopic      where its alarms go, and the whole result of each failed run (its on-failure destination)
 * @param resultBus       where each successful run's result goes (its on-success destination); null for none
 * @param parameterPrefix where promote keeps the lifecycles' connection parameters in SSM Parameter Store
 */
public record StageFunctionProps(String environmentName, Operation operation, StageSize size, Code code,
                                 RetentionDays logRetention, List<PolicyStatement> statements, ITopic alarmTopic,
                                 IEventBus resultBus, String parameterPrefix) {
    public StageFunctionProps {
        statements = List.copyOf(statements);
    }
}
