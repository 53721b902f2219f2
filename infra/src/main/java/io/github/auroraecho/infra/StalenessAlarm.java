package io.github.auroraecho.infra;

import io.github.auroraecho.lambda.EmfLine;
import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle's staleness alarm: the copy its DNS name serves is older than {@code staleAfterHours}, or no run
 * has reported for that long. Every run of any stage reports the served copy's age, so hourly periods with no
 * figure are counted as breaching: the alarm fires only when each of the last {@code staleAfterHours} hours was
 * either silent or too old, i.e. the refresh stopped (no snapshot, a schedule disabled, promote refused every
 * night) or nothing runs at all.
 */
final class StalenessAlarm {
    /**
     * Alarms go into nested stacks of at most this many, so that a lifecycle costs the environment's stack no
     * resource of its own for monitoring (CloudFormation allows 500 resources a stack, nested ones included).
     */
    static final int PER_NESTED_STACK = 400;

    private StalenessAlarm() {
    }

    /** One alarm per lifecycle that promotes (only those serve a copy; the others would always look stale). */
    static List<Alarm> createAll(Stack parent, EnvironmentSettings environment, ITopic topic) {
        List<LifecycleSchedule> promoted = environment.lifecyclesFor(Operation.PROMOTE);
        List<Alarm> alarms = new ArrayList<>();
        for (int from = 0; from < promoted.size(); from += PER_NESTED_STACK) {
            NestedStack nested = NestedStack.Builder.create(parent, "StalenessAlarms" + (from / PER_NESTED_STACK + 1))
                    .description("aurora-echo " + environment.name() + " staleness alarms")
                    .build();
            for (LifecycleSchedule lifecycle : promoted.subList(from, Math.min(promoted.size(), from + PER_NESTED_STACK))) {
                alarms.add(create(nested, "Stale-" + lifecycle.managedName(), environment.name(), lifecycle, topic));
            }
        }
        return alarms;
    }

    static Metric servedCopyAge(String environment, String managedName) {
        return Metric.Builder.create()
                .namespace(EmfLine.NAMESPACE)
                .metricName(EmfLine.SERVED_COPY_AGE)
                .dimensionsMap(Map.of(EmfLine.ENVIRONMENT, environment, EmfLine.LIFECYCLE, managedName))
                .statistic("Minimum")
                .period(Duration.hours(1))
                .build();
    }

    private static Alarm create(Construct scope, String id, String environment, LifecycleSchedule lifecycle,
                                ITopic topic) {
        int hours = lifecycle.staleAfterHours();
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(Names.stalenessAlarmName(environment, lifecycle.managedName()))
                .alarmDescription("aurora-echo " + environment + ": lifecycle " + lifecycle.managedName()
                        + " has served no copy younger than " + hours + " hours, or no stage has run for "
                        + hours + " hours. Look at its last runs (dashboard aurora-echo-" + environment
                        + ", and the failure records on this topic): no snapshot, a disabled schedule, or promote "
                        + "refusing every night.")
                .metric(servedCopyAge(environment, lifecycle.managedName()))
                .threshold(hours * 3600.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(hours)
                .datapointsToAlarm(hours)
                .treatMissingData(TreatMissingData.BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        return alarm;
    }
}
