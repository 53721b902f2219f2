package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.DnsRecords;
import io.github.auroraecho.lifecycle.Operation;
import org.jetbrains.annotations.NotNull;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.NestedStackProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleGroup;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.TimeWindow;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One environment: a {@link StageFunction} per operation (shared by all its lifecycles), one EventBridge Scheduler
 * schedule group, one SNS topic for the alarms (which also receives every failed run's whole result), a dashboard, and
 * per lifecycle its schedules (one per scheduled stage, and stop and start from the document's running hours,
 * {@link RunningHoursSchedules}) and, when it promotes, its staleness alarm: those live in nested
 * stacks ({@link LifecycleStacks}), so the environment's own stack does not grow with the lifecycle count.
 */
public final class AuroraEchoStack extends Stack {
    /** Scheduler retries a failed delivery (throttling, service errors) this often before the dead-letter queue. */
    public static final int SCHEDULER_RETRY_ATTEMPTS = 3;
    public static final Duration SCHEDULER_MAX_EVENT_AGE = Duration.hours(1);
    /** Each scheduled run starts at a random moment within this window after its time (Scheduler's flexible window). */
    public static final Duration FLEXIBLE_WINDOW = Duration.minutes(StageSchedule.FLEXIBLE_WINDOW.toMinutes());
    /** Marks the warnings of schedules that contradict each other ({@link ScheduleContradictions}). */
    public static final String SCHEDULE_WARNING = "aurora-echo:schedules";

    private final EnvironmentSettings environment;
    private final Map<Operation, StageFunction> stages = new EnumMap<>(Operation.class);
    private final Topic alarmTopic;
    private final List<Alarm> stalenessAlarms;
    private final ScheduleGroup scheduleGroup;
    private final Role schedulerRole;

    public AuroraEchoStack(Construct scope, String id, StackProps props, EnvironmentSettings environment,
                           Path lambdaJar) {
        super(scope, id, props);
        this.environment = environment;
        Tags.of(this).add("aurora-echo:environment", environment.name());

        alarmTopic = Topic.Builder.create(this, "Alarms")
                .displayName("aurora-echo " + environment.name() + " alarms")
                .enforceSsl(true)
                .build();
        if (environment.alarmEmail() != null) {
            alarmTopic.addSubscription(new EmailSubscription(environment.alarmEmail()));
        }
        IEventBus resultBus = environment.resultEventBus() == null ? null
                : environment.resultEventBus().startsWith("arn:")
                ? EventBus.fromEventBusArn(this, "ResultBus", environment.resultEventBus())
                : EventBus.fromEventBusName(this, "ResultBus", environment.resultEventBus());

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
        StagePermissions permissions = new StagePermissions(this, environment.name(), environment.parameterPrefix());
        for (Operation operation : Operation.values()) {
            stages.put(operation, new StageFunction(this, StageFunction.idOf(operation), new StageFunctionProps(
                    environment.name(), operation, sizeOf(operation), code,
                    LogRetention.of(environment.logRetentionDays()),
                    permissions.statements(operation, environment.lifecyclesFor(operation)), alarmTopic, resultBus,
                    environment.parameterPrefix())));
        }
        List<Alarm> alarms = new ArrayList<>();
        // A warning, not an error: the stack is valid, but it would page or spend for nothing; cdk synth shows it.
        Instant now = Instant.now();
        for (LifecycleSchedule lifecycle : environment.lifecycles()) {
            List<String> warnings = ScheduleContradictions.of(lifecycle, now);
            for (int i = 0; i < warnings.size(); i++) {
                // An id a warning: CDK keeps one warning an id and scope.
                Annotations.of(this).addWarningV2(SCHEDULE_WARNING + ":" + lifecycle.managedName() + ":" + i,
                        "environments." + environment.name() + ", lifecycle " + warnings.get(i));
            }
        }
        LifecycleStacks.of(environment.name(), environment.lifecycles()).forEach((index, part) -> {
            NestedStack nested = new NestedStack(this, LifecycleStacks.idOf(index), NestedStackProps.builder()
                    .description("aurora-echo " + environment.name() + ": schedules and staleness alarms of "
                            + part.size() + " lifecycles")
                    .build());
            for (LifecycleSchedule lifecycle : part) {
                for (StageSchedule schedule : lifecycle.schedules()) {
                    createSchedule(nested, lifecycle, schedule);
                }
                if (lifecycle.schedules(Operation.PROMOTE)) {
                    alarms.add(StalenessAlarm.create(nested, environment.name(), lifecycle, alarmTopic));
                }
                if (lifecycle.consumerPolicy()) {
                    ConsumerPolicy.create(nested, environment.name(), lifecycle, environment.parameterPrefix());
                }
            }
        });
        stalenessAlarms = List.copyOf(alarms);
        EnvironmentDashboard.create(this, environment, stages);
        CfnOutput.Builder.create(this, "DashboardName").value(Names.dashboardName(environment.name()))
                .description("CloudWatch dashboard of this environment").build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarmTopic.getTopicArn())
                .description("SNS topic of the aurora-echo alarms").build();
        CfnOutput.Builder.create(this, "ScheduleGroupName").value(scheduleGroup.getScheduleGroupName())
                .description("EventBridge Scheduler group of this environment's schedules").build();
    }

    /** Each stage's size: promote and rollback wait (bounded) for Route53 to report INSYNC, so their timeout covers that wait. */
    public StageSize sizeOf(Operation operation) {
        return switch (operation) {
            case NEW, CLONE -> new StageSize(1024, 300);
            // SQL scripts run one Data API call after another (up to 45 s each); the run stops between two
            // statements before the timeout and the next run goes on, so a longer timeout only means fewer runs.
            case MODIFY -> new StageSize(768, environment.lifecyclesFor(Operation.MODIFY).stream()
                    .anyMatch(l -> !l.config(Operation.MODIFY).modification().sqlScripts().isEmpty()) ? 900 : 180);
            case RETIRE -> new StageSize(768, 300);
            // One stop or start call a promoted copy; RDS stops and starts in the background.
            case STOP, START -> new StageSize(768, 120);
            case PROMOTE, ROLLBACK -> {
                long longestWait = environment.lifecyclesFor(operation).stream()
                        .map(l -> l.config(operation))
                        .mapToLong(config -> config.dns().dnsSyncTimeoutSeconds())
                        .max().orElse(DnsRecords.DEFAULT_DNS_SYNC_TIMEOUT_SECONDS);
                yield new StageSize(768, (int) Math.min(900, Math.max(300, longestWait + 180)));
            }
        };
    }

    /**
     * A resource of a {@link StageFunction} keeps the logical ID it had before that construct grouped them
     * ({@code New/Function} is still {@code NewFunction51951D87}): a deployed stack is updated in place, where new IDs
     * would replace every stage resource, and the replacement functions' fixed names would collide with the old ones.
     */
    @Override
    protected @NotNull String allocateLogicalId(@NotNull CfnElement element) {
        List<IConstruct> scopes = element.getNode().getScopes();
        int stack = scopes.indexOf(this);
        if (stack >= 0 && stack + 2 < scopes.size() && scopes.get(stack + 1) instanceof StageFunction) {
            List<String> path = new ArrayList<>();
            path.add(scopes.get(stack + 1).getNode().getId() + scopes.get(stack + 2).getNode().getId());
            scopes.subList(stack + 3, scopes.size()).forEach(scope -> path.add(scope.getNode().getId()));
            return LogicalIds.of(path);
        }
        return super.allocateLogicalId(element);
    }

    private void createSchedule(Construct scope, LifecycleSchedule lifecycle, StageSchedule schedule) {
        Operation operation = schedule.operation();
        String name = Names.scheduleName(lifecycle.managedName(), operation);
        StageFunction stage = stages.get(operation);
        LambdaInvoke target = new LambdaInvoke(stage.alias(), ScheduleTargetBaseProps.builder()
                .input(ScheduleTargetInput.fromText(lifecycle.documentJson()))
                .role(schedulerRole)
                .deadLetterQueue(stage.deadLetterQueue())
                .retryAttempts(SCHEDULER_RETRY_ATTEMPTS)
                .maxEventAge(SCHEDULER_MAX_EVENT_AGE)
                .build());
        Schedule created = Schedule.Builder.create(scope, "Schedule-" + name)
                .scheduleName(name)
                .scheduleGroup(scheduleGroup)
                .description("aurora-echo " + operation.cliName() + " of lifecycle " + lifecycle.managedName())
                .schedule(ScheduleExpression.expression(schedule.expression(), TimeZone.of(schedule.timeZone())))
                // Many lifecycles share the same minutes: Scheduler starts each run at a random moment within the
                // window, so that hundreds of runs do not meet RDS's API rate limits in the same second.
                .timeWindow(TimeWindow.flexible(FLEXIBLE_WINDOW))
                .target(target)
                .enabled(schedule.enabled())
                .build();
        // The group is referenced by its literal name: without this, CloudFormation may create the schedule first.
        created.getNode().addDependency(scheduleGroup);
    }

    public EnvironmentSettings environmentSettings() {
        return environment;
    }

    /** The stage functions, one per operation. */
    public Map<Operation, StageFunction> stages() {
        return Collections.unmodifiableMap(stages);
    }

    /** One per lifecycle that promotes, in nested stacks. */
    public List<Alarm> stalenessAlarms() {
        return Collections.unmodifiableList(stalenessAlarms);
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public Role schedulerRole() {
        return schedulerRole;
    }
}
