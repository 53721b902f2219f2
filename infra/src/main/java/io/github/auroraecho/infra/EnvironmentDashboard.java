package io.github.auroraecho.infra;

import io.github.auroraecho.lambda.EmfLine;
import io.github.auroraecho.lifecycle.Operation;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment's CloudWatch dashboard: which lifecycle is fresh (its staleness alarm, its served copy's age and
 * the age of the data in it), how each stage's runs ended, the functions' errors and the dead-letter queues. The
 * graphs find their lines with SEARCH, so the dashboard stays the same size however many lifecycles there are;
 * only the alarm status grows, by one entry a lifecycle.
 */
final class EnvironmentDashboard {
    /** CloudWatch shows at most 100 alarms in one alarm status widget. */
    static final int ALARMS_PER_WIDGET = 100;
    private static final Duration PERIOD = Duration.hours(1);

    private EnvironmentDashboard() {
    }

    static Dashboard create(Construct scope, EnvironmentSettings settings, Map<Operation, StageFunction> stages) {
        String environment = settings.name();
        // By name, not by reference: a reference to each alarm in its nested stack would cost an output each.
        List<IAlarm> stalenessAlarms = settings.lifecyclesFor(Operation.PROMOTE).stream()
                .map(l -> Alarm.fromAlarmName(scope, "DashboardAlarm-" + l.managedName(),
                        Names.stalenessAlarmName(environment, l.managedName())))
                .toList();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(TextWidget.Builder.create()
                .markdown("## aurora-echo " + environment + "\nA lifecycle in alarm serves a copy older than its "
                        + "`staleAfterHours` or has had no run for that long. Ages are in hours; a failed run's "
                        + "whole result arrives on the alarm topic.")
                .width(24).height(2).build());
        for (int from = 0; from < stalenessAlarms.size(); from += ALARMS_PER_WIDGET) {
            widgets.add(AlarmStatusWidget.Builder.create()
                    .title("Freshness by lifecycle")
                    .alarms(List.copyOf(stalenessAlarms.subList(from, Math.min(stalenessAlarms.size(), from + ALARMS_PER_WIDGET))))
                    .width(24).height(3).build());
        }
        widgets.add(GraphWidget.Builder.create()
                .title("Served copy age (hours) by lifecycle")
                .left(List.of(hours(environment, EmfLine.SERVED_COPY_AGE)))
                .leftAnnotations(List.of(HorizontalAnnotation.builder()
                        .value(LifecycleSchedule.DEFAULT_STALE_AFTER_HOURS).label("default staleAfterHours").build()))
                .width(12).height(6).build());
        widgets.add(GraphWidget.Builder.create()
                .title("Age of the served data (hours since its snapshot or clone point)")
                .left(List.of(hours(environment, EmfLine.SOURCE_POINT_AGE)))
                .width(12).height(6).build());
        widgets.add(GraphWidget.Builder.create()
                .title("Runs by stage and outcome")
                .left(List.of(search("{" + EmfLine.NAMESPACE + "," + EmfLine.ENVIRONMENT + "," + EmfLine.STAGE
                        + "} " + EmfLine.ENVIRONMENT + "=\"" + environment + "\" MetricName=("
                        + String.join(" OR ", java.util.stream.Stream.concat(EmfLine.OUTCOME_METRICS.values().stream(),
                                        java.util.stream.Stream.of(EmfLine.REFUSED)).sorted()
                                .map(name -> "\"" + name + "\"").toList()) + ")", "Sum")))
                .stacked(true)
                .width(12).height(6).build());
        widgets.add(GraphWidget.Builder.create()
                .title("Failed runs by lifecycle (the stage: function errors)")
                .left(List.of(search("{" + EmfLine.NAMESPACE + "," + EmfLine.ENVIRONMENT + "," + EmfLine.LIFECYCLE
                        + "} " + EmfLine.ENVIRONMENT + "=\"" + environment + "\" MetricName=\""
                        + EmfLine.OUTCOME_METRICS.get(io.github.auroraecho.stages.Outcome.FAILED) + "\"", "Sum")))
                .width(12).height(6).build());
        widgets.add(GraphWidget.Builder.create()
                .title("Function errors (failed runs, bad input, crashes)")
                .left(stages.values().stream().map(stage -> (IMetric) stage.function().metricErrors(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Sum").build())).toList())
                .width(12).height(6).build());
        widgets.add(GraphWidget.Builder.create()
                .title("Dead-letter queues (schedules Scheduler could not deliver)")
                .left(stages.values().stream().map(stage -> (IMetric) stage.deadLetterQueue()
                        .metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                                .period(Duration.minutes(5)).statistic("Maximum").build())).toList())
                .width(12).height(6).build());
        Dashboard dashboard = Dashboard.Builder.create(scope, "Dashboard")
                .dashboardName(Names.dashboardName(environment))
                .build();
        widgets.forEach(widget -> dashboard.addWidgets(widget));
        return dashboard;
    }

    /** One line a lifecycle, named by CloudWatch after its dimensions. */
    private static MathExpression hours(String environment, String metric) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{" + EmfLine.NAMESPACE + "," + EmfLine.ENVIRONMENT + "," + EmfLine.LIFECYCLE + "} "
                        + EmfLine.ENVIRONMENT + "=\"" + environment + "\" MetricName=\"" + metric
                        + "\"', 'Minimum', 3600) / 3600")
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }

    private static MathExpression search(String query, String statistic) {
        return MathExpression.Builder.create()
                .expression("SEARCH('" + query + "', '" + statistic + "', 3600)")
                .usingMetrics(Map.of())
                .period(PERIOD)
                .build();
    }
}
