package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.DocumentReader;
import io.github.auroraecho.lifecycle.Operation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stage's schedule for one lifecycle: {@code "new": "cron(0 2 * * ? *)"} or
 * {@code "new": {"expression": ..., "timeZone": ..., "enabled": ...}}.
 */
public record StageSchedule(Operation operation, String expression, String timeZone, boolean enabled) {
    public static final String DEFAULT_TIME_ZONE = "UTC";
    /** Each scheduled run starts at a random moment within this window after its time (Scheduler's flexible window). */
    static final Duration FLEXIBLE_WINDOW = Duration.ofMinutes(15);

    /** A cron or rate schedule; a one-time at() runs once. */
    boolean recurring() {
        return !expression.startsWith("at(");
    }

    /**
     * When a recurring schedule runs in [from, to): a cron in its time zone, a rate every period from {@code from}
     * (Scheduler starts a rate when the schedule is created, which synth cannot know).
     */
    List<Instant> runs(Instant from, Instant to) {
        Optional<Duration> rate = ScheduleExpressionRule.rate(expression);
        if (rate.isPresent()) {
            List<Instant> runs = new ArrayList<>();
            for (Instant at = from; at.isBefore(to); at = at.plus(rate.get())) {
                runs.add(at);
            }
            return runs;
        }
        return ScheduleExpressionRule.cron(expression).orElseThrow(() -> new IllegalStateException(
                expression + " is not recurring")).between(from, to, ZoneId.of(timeZone));
    }

    /** The schedule of {@code stage} in the lifecycle's {@code schedules} object. */
    static StageSchedule read(Operation operation, DocumentReader schedules, String stage, String defaultTimeZone) {
        if (!schedules.isObject(stage)) {
            return new StageSchedule(operation, expression(schedules, stage), defaultTimeZone, true);
        }
        DocumentReader schedule = schedules.object(stage);
        StageSchedule read = new StageSchedule(operation, expression(schedule, "expression"),
                timeZone(schedule, defaultTimeZone), schedule.bool("enabled", true));
        schedule.rejectUnread();
        return read;
    }

    /** The optional {@code timeZone} field of a settings object: an IANA zone, defaults passed down from above. */
    static String timeZone(DocumentReader reader, String defaultValue) {
        String value = reader.string("timeZone", zone -> zone.equals("UTC") || ZoneId.getAvailableZoneIds()
                .contains(zone), "must be an IANA time zone such as Europe/London or UTC");
        return value == null ? defaultValue : value;
    }

    private static String expression(DocumentReader reader, String name) {
        String expression = reader.requiredString(name, value -> true, "");
        ScheduleExpressionRule.problem(expression).ifPresent(problem -> {
            throw reader.invalid(name, "must be a schedule expression: " + problem);
        });
        return expression;
    }
}
