package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where one lifecycle's schedules contradict each other or its settings, found from the expressions over a year from
 * {@code from} (so weekly, monthly and daylight-saving patterns all show), each said in words naming the lifecycle,
 * the schedules and the setting to change:
 * <ul>
 * <li>its staleness alarm would page when nothing is wrong: for {@code staleAfterHours} hours in a row, no scheduled
 * run reports a served copy younger than that (promote on weekdays only, with the default 36 hours), evaluated hour by
 * hour as CloudWatch evaluates the alarm;</li>
 * <li>retire runs too soon after promote: the copies promote retires are still draining ({@code drainMinutes}, and a
 * run starts up to the flexible window late), so the first retire that can delete them comes after the next
 * promote;</li>
 * <li>new or clone makes a copy that no promote serves before the next one replaces it (a daily new with a weekday
 * promote: weekend copies made and deleted unused).</li>
 * <li>the copies promote retires are stopped (running hours, or {@code stopRetired}), which retire must start before
 * RDS deletes their instances, but no retire runs within {@link #STARTED_COPY_RUNS} after the one that starts them:
 * the started copy runs, billed, until the next retire.</li>
 * </ul>
 * Only enabled cron and rate schedules count (a one-time at() is a deliberate exception). A rate starts when its
 * schedule is created, which synth cannot know, so the checks that depend on the time of day need cron expressions.
 */
final class ScheduleContradictions {
    /** A year, and a week to see across its end. */
    static final Duration HORIZON = Duration.ofDays(366 + 7);
    /** How long a copy retire started to delete may run before a retire run deletes it. */
    static final Duration STARTED_COPY_RUNS = Duration.ofHours(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEEE HH:mm", Locale.ENGLISH);

    private ScheduleContradictions() {
    }

    static List<String> of(LifecycleSchedule lifecycle, Instant from) {
        List<String> found = new ArrayList<>();
        Optional<StageSchedule> promote = recurring(lifecycle, Operation.PROMOTE);
        if (promote.isEmpty()) {
            return found;
        }
        Instant to = from.plus(HORIZON);
        List<Instant> promotes = promote.get().runs(from, to);
        Optional<StageSchedule> creation = recurring(lifecycle, Operation.NEW)
                .or(() -> recurring(lifecycle, Operation.CLONE)).filter(ScheduleContradictions::isCron);
        List<Instant> copies = creation.map(c -> copiesMade(c.runs(from, to),
                lifecycle.config(c.operation()).timing().minimumAge())).orElse(List.of());
        List<Instant> reports = lifecycle.schedules().stream().filter(s -> s.enabled() && s.recurring())
                .flatMap(s -> s.runs(from, to).stream()).sorted().toList();
        staleness(lifecycle, promote.get(), promotes, copies, reports).ifPresent(found::add);
        if (isCron(promote.get())) {
            Optional<StageSchedule> retire = recurring(lifecycle, Operation.RETIRE).filter(ScheduleContradictions::isCron);
            List<Instant> retires = retire.map(r -> r.runs(from, to)).orElse(List.of());
            retire.flatMap(r -> retireTooSoon(lifecycle, promote.get(), promotes, r, retires)).ifPresent(found::add);
            retire.flatMap(r -> startedCopiesRun(lifecycle, promote.get(), promotes, r, retires)).ifPresent(found::add);
            creation.flatMap(c -> unpromotedCopies(lifecycle, c, copies, promote.get(), promotes))
                    .ifPresent(found::add);
        }
        return found;
    }

    private static Optional<String> staleness(LifecycleSchedule lifecycle, StageSchedule promote,
                                              List<Instant> promotes, List<Instant> copies, List<Instant> reports) {
        String setting = "staleAfterHours (" + lifecycle.staleAfterHours() + ")";
        if (promotes.size() < 2) {
            return Optional.of(lifecycle.managedName() + ": promote " + describe(promote) + " runs fewer than twice "
                    + "in a year, so the copy it serves grows older than " + setting + " and its staleness alarm "
                    + "fires. Promote at least weekly, or disable the schedule while the lifecycle is paused.");
        }
        double[] ages = hourlyServedCopyAge(promotes, copies, reports);
        Optional<int[]> alarm = alarm(ages, lifecycle.staleAfterHours());
        if (alarm.isEmpty()) {
            return Optional.empty();
        }
        Instant start = promotes.get(0).truncatedTo(ChronoUnit.HOURS);
        String advice = IntStream.rangeClosed(lifecycle.staleAfterHours() + 1, LifecycleSchedule.MAX_STALE_AFTER_HOURS)
                .filter(hours -> alarm(ages, hours).isEmpty()).mapToObj(hours -> "Set \"staleAfterHours\": " + hours
                        + " or more, or run a stage of the lifecycle more often.")
                .findFirst().orElse("No staleAfterHours up to " + LifecycleSchedule.MAX_STALE_AFTER_HOURS
                        + " holds: promote more often.");
        return Optional.of(lifecycle.managedName() + ": its staleness alarm fires when nothing is wrong, first at "
                + at(start.plus(Duration.ofHours(alarm.get()[1])), promote) + ": from "
                + at(start.plus(Duration.ofHours(alarm.get()[0])), promote) + " on, for " + setting + " hours, no "
                + "scheduled run reports a served copy younger than that (promote " + describe(promote) + "). "
                + advice);
    }

    /**
     * What the staleness alarm reads ({@link StalenessAlarm}): each hour from the first promote on, the youngest
     * served copy's age (hours) that a run of any stage reported in it, NaN where none ran. A run reports the copy
     * the latest promote serves, made by the latest new or clone before that promote (else taken as made then).
     */
    private static double[] hourlyServedCopyAge(List<Instant> promotes, List<Instant> copies, List<Instant> reports) {
        Instant start = promotes.get(0).truncatedTo(ChronoUnit.HOURS);
        double[] ages = new double[(int) Duration.between(start, promotes.get(promotes.size() - 1)).toHours() + 1];
        Arrays.fill(ages, Double.NaN);
        for (Instant report : reports) {
            int bucket = (int) Duration.between(start, report).toHours();
            int served = firstAtOrAfter(promotes, report.plusNanos(1)) - 1;
            if (report.isBefore(start) || bucket >= ages.length || served < 0) {
                continue;
            }
            int made = firstAtOrAfter(copies, promotes.get(served)) - 1;
            double age = Duration.between(made >= 0 ? copies.get(made) : promotes.get(served), report).toMinutes()
                    / 60.0;
            ages[bucket] = Double.isNaN(ages[bucket]) ? age : Math.min(ages[bucket], age);
        }
        return ages;
    }

    /**
     * When the alarm fires: {@code hours} one-hour periods in a row each older than {@code hours} or without data
     * (missing data breaches). The hour the streak starts and the hour the alarm fires, or empty.
     */
    private static Optional<int[]> alarm(double[] ages, int hours) {
        int streak = 0;
        for (int hour = 0; hour < ages.length; hour++) {
            streak = Double.isNaN(ages[hour]) || ages[hour] > hours ? streak + 1 : 0;
            if (streak == hours) {
                return Optional.of(new int[] {hour - hours + 1, hour + 1});
            }
        }
        return Optional.empty();
    }

    /**
     * How long after promote a retire run can delete what promote retired: its drain ({@code drainMinutes}), and a run
     * starts up to the flexible window late.
     */
    private static Duration leastAfterPromote(LifecycleSchedule lifecycle) {
        return lifecycle.config(Operation.RETIRE).drain().plus(StageSchedule.FLEXIBLE_WINDOW);
    }

    private static Optional<String> retireTooSoon(LifecycleSchedule lifecycle, StageSchedule promote,
                                                  List<Instant> promotes, StageSchedule retire, List<Instant> retires) {
        Duration drain = lifecycle.config(Operation.RETIRE).drain();
        Duration least = leastAfterPromote(lifecycle);
        for (int i = 0; i + 1 < promotes.size(); i++) {
            Instant promoted = promotes.get(i);
            Instant next = promotes.get(i + 1);
            int deletes = firstAtOrAfter(retires, promoted.plus(least));
            if (deletes == retires.size() || !retires.get(deletes).isBefore(next)) {
                return Optional.of(lifecycle.managedName() + ": retire " + describe(retire) + " runs too soon after "
                        + "promote " + describe(promote) + ": the copies promote retires at " + at(promoted, promote)
                        + " drain for " + drain.toMinutes() + " minutes (drainMinutes) and a run starts up to "
                        + StageSchedule.FLEXIBLE_WINDOW.toMinutes() + " minutes late, so no retire deletes them before "
                        + "the next promote (" + at(next, promote) + "). Schedule retire at least "
                        + least.toMinutes() + " minutes after promote.");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a copy retire starts to delete it runs long: the copies promote retires are stopped (the served copy is
     * stopped outside its running hours; {@code stopRetired} stops them), RDS deletes no instance of a stopped cluster
     * ("Stopping and starting an Amazon Aurora DB cluster", Aurora User Guide), so the retire run that may delete one
     * starts it and a later run deletes it.
     */
    private static Optional<String> startedCopiesRun(LifecycleSchedule lifecycle, StageSchedule promote,
                                                     List<Instant> promotes, StageSchedule retire, List<Instant> retires) {
        LifecycleConfig config = lifecycle.config(Operation.RETIRE);
        if (config.stopping().runningHours() == null && !config.stopping().stopRetired()) {
            return Optional.empty();
        }
        Duration least = leastAfterPromote(lifecycle);
        for (Instant promoted : promotes) {
            int starts = firstAtOrAfter(retires, promoted.plus(least));
            if (starts + 1 >= retires.size()) {
                break;
            }
            Instant deletes = retires.get(starts + 1);
            if (deletes.isAfter(retires.get(starts).plus(STARTED_COPY_RUNS))) {
                return Optional.of(lifecycle.managedName() + ": retire " + describe(retire) + " runs once after "
                        + "promote " + describe(promote) + ", but the copies promote retires are stopped ("
                        + (config.stopping().runningHours() != null ? "runningHours" : "stopRetired") + "): RDS deletes "
                        + "no instance of a stopped cluster, so the run at " + at(retires.get(starts), retire)
                        + " starts the copy and it runs until the next retire, at " + at(deletes, retire) + ". Run "
                        + "retire again within " + STARTED_COPY_RUNS.toMinutes() + " minutes, for example every 15 "
                        + "minutes for an hour.");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unpromotedCopies(LifecycleSchedule lifecycle, StageSchedule creation,
                                                     List<Instant> copies, StageSchedule promote,
                                                     List<Instant> promotes) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i + 1 < copies.size(); i++) {
            Instant made = copies.get(i);
            Instant replaced = copies.get(i + 1);
            int promoted = firstAtOrAfter(promotes, made.plusNanos(1));
            if (promoted == promotes.size() || !promotes.get(promoted).isBefore(replaced)) {
                days.add(made.atZone(ZoneId.of(creation.timeZone())).getDayOfWeek());
            }
        }
        if (days.isEmpty()) {
            return Optional.empty();
        }
        String stage = creation.operation().cliName();
        return Optional.of(lifecycle.managedName() + ": " + stage + " " + describe(creation) + " makes copies on "
                + days.stream().map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
                .collect(Collectors.joining(", ")) + " that no promote " + describe(promote) + " serves before the "
                + "next " + stage + " replaces them: each is made, kept and deleted unused. Schedule " + stage
                + " only on the days a promote follows it.");
    }

    /** When new or clone makes a copy: it makes none while the lifecycle has one younger than minimumAgeHours. */
    private static List<Instant> copiesMade(List<Instant> runs, Duration minimumAge) {
        List<Instant> made = new ArrayList<>();
        for (Instant run : runs) {
            if (made.isEmpty() || Duration.between(made.get(made.size() - 1), run).compareTo(minimumAge) >= 0) {
                made.add(run);
            }
        }
        return made;
    }

    /** The index of the first time in {@code sorted} at or after {@code at}: its size when there is none. */
    private static int firstAtOrAfter(List<Instant> sorted, Instant at) {
        int found = Collections.binarySearch(sorted, at);
        return found >= 0 ? found : -found - 1;
    }

    private static Optional<StageSchedule> recurring(LifecycleSchedule lifecycle, Operation operation) {
        return lifecycle.schedules().stream()
                .filter(s -> s.operation() == operation && s.enabled() && s.recurring()).findFirst();
    }

    private static boolean isCron(StageSchedule schedule) {
        return ScheduleExpressionRule.cron(schedule.expression()).isPresent();
    }

    private static String describe(StageSchedule schedule) {
        return "(" + schedule.expression() + " in " + schedule.timeZone() + ")";
    }

    private static String at(Instant instant, StageSchedule schedule) {
        return TIME.format(instant.atZone(ZoneId.of(schedule.timeZone())));
    }
}
