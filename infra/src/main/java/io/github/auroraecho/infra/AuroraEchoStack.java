package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.EventBridgeDestination;
import software.amazon.awscdk.services.lambda.destinations.SnsDestination;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import io.github.auroraecho.lambda.StageHandler;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One environment: the five stage functions (shared by all its lifecycles), one EventBridge Scheduler schedule per
 * lifecycle and scheduled stage in the environment's schedule group, a dead-letter queue per stage function,
 * least-privilege roles, alarms to an SNS topic (which also receives every failed run's whole result), a staleness
 * alarm per promoted lifecycle (in nested stacks, see {@link StalenessAlarm}), and a dashboard.
 */
public final class AuroraEchoStack extends Stack {
    /** The alias every schedule targets: SnapStart snapshots published versions, never $LATEST. */
    public static final String ALIAS_NAME = "live";
    /** Scheduler retries a failed delivery (throttling, service errors) this often before the dead-letter queue. */
    public static final int SCHEDULER_RETRY_ATTEMPTS = 3;
    public static final Duration SCHEDULER_MAX_EVENT_AGE = Duration.hours(1);
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** Memory and timeout of each stage function. */
    public record StageSize(int memoryMb, int timeoutSeconds) {
    }

    private final Settings.Environment environment;
    private final Map<Operation, Function> functions = new EnumMap<>(Operation.class);
    private final Map<Operation, Alias> aliases = new EnumMap<>(Operation.class);
    private final Map<Operation, Queue> deadLetterQueues = new EnumMap<>(Operation.class);
    private final List<Alarm> stalenessAlarms;
    private final Topic alarmTopic;
    /** Receives every successful run's result; null when the environment names no bus. */
    private final IEventBus resultBus;
    private final ScheduleGroup scheduleGroup;
    private final Role schedulerRole;

    public AuroraEchoStack(Construct scope, String id, StackProps props, Settings.Environment environment,
                           Path lambdaJar) {
        super(scope, id, props);
        this.environment = environment;
        Tags.of(this).add("aurora-echo:environment", environment.name());

        resultBus = environment.resultEventBus() == null ? null
                : environment.resultEventBus().startsWith("arn:")
                ? EventBus.fromEventBusArn(this, "ResultBus", environment.resultEventBus())
                : EventBus.fromEventBusName(this, "ResultBus", environment.resultEventBus());
        alarmTopic = Topic.Builder.create(this, "Alarms")
                .displayName("aurora-echo " + environment.name() + " alarms")
                .enforceSsl(true)
                .build();
        if (environment.alarmEmail() != null) {
            alarmTopic.addSubscription(new EmailSubscription(environment.alarmEmail()));
        }

        scheduleGroup = ScheduleGroup.Builder.create(this, "ScheduleGroup")
                .scheduleGroupName(Names.scheduleGroupName(environment.name()))
                .build();
        schedulerRole = Role.Builder.create(this, "SchedulerRole")
                .description("EventBridge Scheduler invokes the aurora-echo " + environment.name()
                        + " stage functions and writes undeliverable events to their dead-letter queues")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", software.amazon.awscdk.services.iam
                        .ServicePrincipalOpts.builder()
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                        .build()))
                .build();

        Code code = Code.fromAsset(lambdaJar.toString());
        StagePermissions permissions = new StagePermissions(this);
        for (Operation operation : Operation.values()) {
            createStage(operation, code, permissions);
        }
        for (Settings.Lifecycle lifecycle : environment.lifecycles()) {
            for (Settings.StageSchedule schedule : lifecycle.schedules()) {
                createSchedule(lifecycle, schedule);
            }
        }
        stalenessAlarms = StalenessAlarm.createAll(this, environment, alarmTopic);
        EnvironmentDashboard.create(this, environment, functions, deadLetterQueues);
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarmTopic.getTopicArn())
                .description("SNS topic of the aurora-echo alarms").build();
        CfnOutput.Builder.create(this, "DashboardName").value(Names.dashboardName(environment.name()))
                .description("CloudWatch dashboard of this environment").build();
        CfnOutput.Builder.create(this, "ScheduleGroupName").value(scheduleGroup.getScheduleGroupName())
                .description("EventBridge Scheduler group of this environment's schedules").build();
    }

    /** Each stage's size: promote waits (bounded) for Route53 to report INSYNC, so its timeout covers that wait. */
    public StageSize sizeOf(Operation operation) {
        return switch (operation) {
            case NEW, CLONE -> new StageSize(1024, 300);
            // SQL scripts run one Data API call after another (up to 45 s each); the run stops between two
            // statements before the timeout and the next run goes on, so a longer timeout only means fewer runs.
            case MODIFY -> new StageSize(768, environment.lifecyclesFor(Operation.MODIFY).stream()
                    .anyMatch(l -> !l.config(Operation.MODIFY).sqlScripts().isEmpty()) ? 900 : 180);
            case RETIRE -> new StageSize(768, 300);
            case PROMOTE -> {
                long longestWait = environment.lifecyclesFor(Operation.PROMOTE).stream()
                        .map(l -> l.config(Operation.PROMOTE))
                        .mapToLong(LifecycleConfig::dnsSyncTimeoutSeconds)
                        .max().orElse(LifecycleConfig.DEFAULT_DNS_SYNC_TIMEOUT_SECONDS);
                yield new StageSize(768, (int) Math.min(900, Math.max(300, longestWait + 180)));
            }
        };
    }

    private void createStage(Operation operation, Code code, StagePermissions permissions) {
        String stage = operation.cliName();
        String id = Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
        StageSize size = sizeOf(operation);

        LogGroup logGroup = LogGroup.Builder.create(this, id + "Logs")
                .retention(retention(environment.logRetentionDays()))
                .build();
        Role role = Role.Builder.create(this, id + "Role")
                .description("aurora-echo " + environment.name() + " " + stage + " stage function")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        // Only its own log group: no AWSLambdaBasicExecutionRole (which allows every log group of the account).
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        for (PolicyStatement statement : permissions.statements(operation, environment.lifecyclesFor(operation))) {
            role.addToPrincipalPolicy(statement);
        }

        Function function = Function.Builder.create(this, id + "Function")
                .functionName(Names.functionName(environment.name(), operation))
                .description("aurora-echo " + stage + " stage (" + environment.name() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(Names.handlerOf(operation))
                .code(code)
                .memorySize(size.memoryMb())
                .timeout(Duration.seconds(size.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .loggingFormat(LoggingFormat.JSON)
                .logGroup(logGroup)
                .role(role)
                .environment(Map.of("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS,
                        StageHandler.ENVIRONMENT_VARIABLE, environment.name()))
                .build();
        // The schedules invoke the alias, so its event-invoke configuration is the one Lambda applies.
        AsyncInvocation async = AsyncInvocation.of(operation);
        Alias alias = Alias.Builder.create(this, id + "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .retryAttempts(async.retryAttempts())
                .maxEventAge(async.maxEventAge())
                .onFailure(new SnsDestination(alarmTopic))
                .onSuccess(resultBus == null ? null : new EventBridgeDestination(resultBus))
                .build();

        Queue deadLetters = Queue.Builder.create(this, id + "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();

        Alarm errors = Alarm.Builder.create(this, id + "ErrorsAlarm")
                .alarmDescription("aurora-echo " + environment.name() + ": the " + stage + " stage failed (a run "
                        + "with outcome failed, or an error); see the function's log group")
                .metric(function.metricErrors(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Sum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        errors.addAlarmAction(new SnsAction(alarmTopic));
        Alarm undelivered = Alarm.Builder.create(this, id + "DeadLettersAlarm")
                .alarmDescription("aurora-echo " + environment.name() + ": EventBridge Scheduler could not deliver a "
                        + stage + " schedule; the event is in the dead-letter queue")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        undelivered.addAlarmAction(new SnsAction(alarmTopic));

        // The alias publishes a version (currentVersion) on every code or configuration change.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every schedule targets the alias of a published version");
        Suppressions.forStageRole(operation, role);
        Suppressions.forStageFunction(function);
        Suppressions.forDeadLetterQueue(deadLetters);

        functions.put(operation, function);
        aliases.put(operation, alias);
        deadLetterQueues.put(operation, deadLetters);
    }

    private void createSchedule(Settings.Lifecycle lifecycle, Settings.StageSchedule schedule) {
        Operation operation = schedule.operation();
        String name = Names.scheduleName(lifecycle.managedName(), operation);
        LambdaInvoke target = new LambdaInvoke(aliases.get(operation), ScheduleTargetBaseProps.builder()
                .input(ScheduleTargetInput.fromText(lifecycle.documentJson()))
                .role(schedulerRole)
                .deadLetterQueue(deadLetterQueues.get(operation))
                .retryAttempts(SCHEDULER_RETRY_ATTEMPTS)
                .maxEventAge(SCHEDULER_MAX_EVENT_AGE)
                .build());
        Schedule created = Schedule.Builder.create(this, "Schedule-" + name)
                .scheduleName(name)
                .scheduleGroup(scheduleGroup)
                .description("aurora-echo " + operation.cliName() + " of lifecycle " + lifecycle.managedName())
                .schedule(ScheduleExpression.expression(schedule.expression(), TimeZone.of(schedule.timeZone())))
                .target(target)
                .enabled(schedule.enabled())
                .build();
        // The group is referenced by its literal name: without this, CloudFormation may create the schedule first.
        created.getNode().addDependency(scheduleGroup);
    }

    static RetentionDays retention(int days) {
        for (RetentionDays value : RetentionDays.values()) {
            if (value != RetentionDays.INFINITE && daysOf(value) == days) {
                return value;
            }
        }
        throw new SettingsException("logRetentionDays " + days + " is not a CloudWatch Logs retention");
    }

    private static int daysOf(RetentionDays value) {
        return switch (value.name()) {
            case "ONE_DAY" -> 1;
            case "THREE_DAYS" -> 3;
            case "FIVE_DAYS" -> 5;
            case "ONE_WEEK" -> 7;
            case "TWO_WEEKS" -> 14;
            case "ONE_MONTH" -> 30;
            case "TWO_MONTHS" -> 60;
            case "THREE_MONTHS" -> 90;
            case "FOUR_MONTHS" -> 120;
            case "FIVE_MONTHS" -> 150;
            case "SIX_MONTHS" -> 180;
            case "ONE_YEAR" -> 365;
            case "THIRTEEN_MONTHS" -> 400;
            case "EIGHTEEN_MONTHS" -> 545;
            case "TWO_YEARS" -> 731;
            case "THREE_YEARS" -> 1096;
            case "FIVE_YEARS" -> 1827;
            case "SIX_YEARS" -> 2192;
            case "SEVEN_YEARS" -> 2557;
            case "EIGHT_YEARS" -> 2922;
            case "NINE_YEARS" -> 3288;
            case "TEN_YEARS" -> 3653;
            default -> -1;
        };
    }

    public Settings.Environment environmentSettings() {
        return environment;
    }

    public Map<Operation, Function> functions() {
        return functions;
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> stalenessAlarms() {
        return stalenessAlarms;
    }

    public Role schedulerRole() {
        return schedulerRole;
    }
}
