package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RunningHours;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two schedules a document's {@code runningHours} make (docs/operations.md, "Running hours"): start at
 * {@code start} on the running days, stop at {@code stop} every day. Stop runs every day, not only on the running
 * days, so that a copy started by hand, or by AWS after seven days stopped, is stopped again the same evening ("You
 * can stop a DB cluster for up to seven days. If you don't manually start your DB cluster after seven days, your DB
 * cluster is automatically started": Aurora User Guide, "Stopping and starting an Amazon Aurora DB cluster",
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-cluster-stop-start.html).
 *
 * <p>Both are cron expressions Scheduler evaluates in the document's time zone (ScheduleExpressionTimezone), so the
 * wall-clock times hold across daylight saving: "EventBridge Scheduler supports configuring cron-based schedules in
 * Universal Coordinated Time (UTC) or in the time zone that you specify when you create your schedule", and adjusts
 * it for daylight saving time: a time the clocks skip in spring is skipped, a time they repeat in autumn runs once
 * ("Schedule types in EventBridge Scheduler", sections "Cron-based schedules" and "Daylight savings time",
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): a start in the hour the clocks skip
 * does not run that day.
 */
final class RunningHoursSchedules {
    private RunningHoursSchedules() {
    }

    static List<StageSchedule> of(RunningHours hours) {
        String days = hours.days().stream().map(RunningHours::name).collect(Collectors.joining(","));
        String zone = hours.zone().getId();
        return List.of(new StageSchedule(Operation.START, cron(hours.start(), days), zone, true),
                new StageSchedule(Operation.STOP, cron(hours.stop(), "*"), zone, true));
    }

    /** Scheduler's six fields: minutes, hours, day-of-month (? as the days are weekdays), month, day-of-week, year. */
    private static String cron(LocalTime at, String daysOfWeek) {
        return "cron(" + at.getMinute() + " " + at.getHour() + " ? * " + daysOfWeek + " *)";
    }
}
