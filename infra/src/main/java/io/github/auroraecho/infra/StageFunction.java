package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.EventBridgeDestination;
import software.amazon.awscdk.services.lambda.destinations.SnsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * One stage's function with everything that is its alone: its log group, a role that may write only there (plus the
 * stage's permissions), the {@value #ALIAS_NAME} alias its schedules target with its asynchronous invocation settings
 * and destinations, the dead-letter queue of those schedules, and alarms on its errors and on undelivered events.
 */
public final class StageFunction extends Construct {
    /** The alias every schedule targets: SnapStart snapshots published versions, never $LATEST. */
    public static final String ALIAS_NAME = "live";
    private static final Duration ALARM_PERIOD = Duration.minutes(5);

    private final Operation operation;
    private final LogGroup logGroup;
    private final Role role;
    private final Function function;
    private final Alias alias;
    private final Queue deadLetterQueue;

    public StageFunction(Construct scope, String id, StageFunctionProps props) {
        super(scope, id);
        operation = props.operation();
        String stage = operation.cliName();
        String environment = props.environmentName();

        logGroup = LogGroup.Builder.create(this, "Logs").retention(props.logRetention()).build();
        role = Role.Builder.create(this, "Role")
                .description("aurora-echo " + environment + " " + stage + " stage function")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        // Only its own log group: no AWSLambdaBasicExecutionRole (which allows every log group of the account).
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        RolePolicy.attach(this, role, props.statements(), policy -> Suppressions.forStageRole(operation, policy));

        function = Function.Builder.create(this, "Function")
                .functionName(Names.functionName(environment, operation))
                .description("aurora-echo " + stage + " stage (" + environment + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(Names.handlerOf(operation))
                .code(props.code())
                .memorySize(props.size().memoryMb())
                .timeout(Duration.seconds(props.size().timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logGroup)
                .role(role)
                // No JAVA_TOOL_OPTIONS: the JVM echoes it ("Picked up JAVA_TOOL_OPTIONS: ...") on stderr at each cold
                // start, the one log line that would not be a JSON object, and its flags are java21's defaults on
                // Lambda: "For Java 17 and Java 21, Lambda configures the JVM to stop tiered compilation at level 1 by
                // default" ("Customize Java runtime startup behavior for Lambda functions",
                // https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html).
                .environment(Map.of(CopyTags.ENVIRONMENT_VARIABLE, environment,
                        ConnectionParameterName.ENVIRONMENT_VARIABLE, props.parameterPrefix()))
                .build();
        // The alias publishes a version (currentVersion) on every code or configuration change. The schedules
        // invoke the alias, so its event-invoke configuration is the one Lambda applies.
        AsyncInvocation async = AsyncInvocation.of(operation);
        alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .retryAttempts(async.retryAttempts())
                .maxEventAge(async.maxEventAge())
                .onFailure(new SnsDestination(props.alarmTopic()))
                .onSuccess(props.resultBus() == null ? null : new EventBridgeDestination(props.resultBus()))
                .build();
        deadLetterQueue = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();

        alarm("ErrorsAlarm", props, "the " + stage + " stage failed (a run with outcome failed, or an error); "
                + "see the function's log group",
                function.metricErrors(MetricOptions.builder().period(ALARM_PERIOD).statistic("Sum").build()));
        alarm("DeadLettersAlarm", props, "EventBridge Scheduler could not deliver a " + stage + " schedule; the "
                + "event is in the dead-letter queue",
                deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(ALARM_PERIOD).statistic("Maximum").build()));

        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every schedule targets the alias of a published version");
        Suppressions.forStageRole(operation, role);
        Suppressions.forStageFunction(function);
        Suppressions.forDeadLetterQueue(deadLetterQueue);
    }

    /** The construct id of a stage's function: {@code New}, {@code Clone}, ... */
    public static String idOf(Operation operation) {
        String stage = operation.cliName();
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
    }

    /** An alarm to the topic on the first period with at least one (errors, undelivered events). */
    private void alarm(String id, StageFunctionProps props, String description, IMetric metric) {
        Alarm.Builder.create(this, id)
                .alarmDescription("aurora-echo " + props.environmentName() + ": " + description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(props.alarmTopic()));
    }

    public Operation operation() {
        return operation;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    /** What schedules invoke. */
    public Alias alias() {
        return alias;
    }

    /** Where Scheduler puts the events of this stage's schedules that it could not deliver. */
    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
