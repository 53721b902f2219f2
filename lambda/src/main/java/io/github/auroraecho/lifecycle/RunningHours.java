package io.github.auroraecho.lifecycle;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The document's {@code runningHours}: the served copy runs on {@code days} from {@code start} to {@code stop} in
 * {@code zone} (daylight saving included) and is stopped the rest of the week; stop and start run on schedules made
 * from it (docs/operations.md, "Running hours").
 *
 * @param days in week order, Monday first
 */
public record RunningHours(ZoneId zone, List<DayOfWeek> days, LocalTime start, LocalTime stop) {
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public RunningHours {
        days = List.copyOf(EnumSet.copyOf(days));
    }

    /** The field as a document gives it; null when absent. */
    static RunningHours read(DocumentReader doc) {
        DocumentReader hours = doc.object("runningHours");
        if (hours == null) {
            return null;
        }
        String zone = hours.requiredString("timezone", RunningHours::isZone,
                "must be an IANA time zone such as Europe/Berlin or UTC");
        List<String> days = hours.strings("days", DayOfWeek.values().length, day -> dayOf(day) != null,
                "must be one of " + Arrays.stream(DayOfWeek.values()).map(RunningHours::name).toList());
        if (days.isEmpty()) {
            throw hours.invalid("days", "must list at least one day (MON .. SUN)");
        }
        LocalTime start = LocalTime.parse(hours.requiredString("start", RunningHours::isTime, "must be a 24-hour time HH:MM"));
        LocalTime stop = LocalTime.parse(hours.requiredString("stop", RunningHours::isTime, "must be a 24-hour time HH:MM"));
        hours.rejectUnread();
        if (!start.isBefore(stop)) {
            throw hours.invalid("stop", "is " + stop + ", which must come after start (" + start + ") on the same day");
        }
        return new RunningHours(ZoneId.of(zone), days.stream().map(RunningHours::dayOf).toList(), start, stop);
    }

    /** Region-based IANA names only: a fixed offset would ignore the zone's daylight saving. */
    private static boolean isZone(String zone) {
        return ZoneId.getAvailableZoneIds().contains(zone);
    }

    private static boolean isTime(String time) {
        return HH_MM.matcher(time).matches();
    }

    private static DayOfWeek dayOf(String name) {
        return Arrays.stream(DayOfWeek.values()).filter(day -> name(day).equals(name)).findFirst().orElse(null);
    }

    /** MON .. SUN, as the document and EventBridge's cron expressions name days. */
    public static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT);
    }

    /** How long the copy runs each week, by the clock on the wall (a day that changes its clocks is no longer). */
    public Duration perWeek() {
        return Duration.between(start, stop).multipliedBy(days.size());
    }

    /** {@link #perWeek} in hours, "65" or "32.5". */
    public String hoursPerWeek() {
        long minutes = perWeek().toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : Double.toString(Hours.of(perWeek()));
    }

    /** Whether the copy should be running at {@code instant}: a running day, from start until stop, in the zone. */
    public boolean runsAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(stop);
    }

    /** "MON-FRI 07:00-20:00 Europe/Berlin (65 of 168 hours a week)", as status and results show it. */
    public String describe() {
        Set<DayOfWeek> set = EnumSet.copyOf(days);
        String dayText = days.size() > 2 && set.equals(EnumSet.range(days.get(0), days.get(days.size() - 1)))
                ? name(days.get(0)) + "-" + name(days.get(days.size() - 1))
                : String.join(",", days.stream().map(RunningHours::name).toList());
        return dayText + " " + start + "-" + stop + " " + zone.getId() + " (" + hoursPerWeek() + " of 168 hours a week)";
    }
}
