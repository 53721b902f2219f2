package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RunningHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningHoursSchedulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final RunningHours WEEKDAYS = new RunningHours(BERLIN, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(20, 0));

    @Test
    void startOnTheRunningDaysAndStopEveryDayInTheDocumentsTimeZone() {
        assertEquals(List.of(new StageSchedule(Operation.START, "cron(0 7 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin", true),
                new StageSchedule(Operation.STOP, "cron(0 20 ? * * *)", "Europe/Berlin", true)),
                RunningHoursSchedules.of(WEEKDAYS));
        RunningHours weekend = new RunningHours(ZoneId.of("America/New_York"),
                List.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY), LocalTime.of(9, 30), LocalTime.of(13, 45));
        assertEquals(List.of(new StageSchedule(Operation.START, "cron(30 9 ? * SAT,SUN *)", "America/New_York", true),
                new StageSchedule(Operation.STOP, "cron(45 13 ? * * *)", "America/New_York", true)),
                RunningHoursSchedules.of(weekend));
        for (StageSchedule schedule : RunningHoursSchedules.of(weekend)) {
            assertTrue(ScheduleExpressionRule.problem(schedule.expression()).isEmpty(), schedule.expression());
        }
    }

    @Test
    void theWallClockTimesHoldAcrossDaylightSaving() {
        // The week Berlin moves its clocks forward (Sunday 29 March 2026): 07:00 is 06:00 UTC before, 05:00 after.
        Instant from = Instant.parse("2026-03-23T00:00:00Z");
        Instant to = Instant.parse("2026-04-06T00:00:00Z");
        List<StageSchedule> schedules = RunningHoursSchedules.of(WEEKDAYS);
        List<Instant> starts = schedules.get(0).runs(from, to);
        List<Instant> stops = schedules.get(1).runs(from, to);
        assertEquals(10, starts.size(), "five running days a week");
        assertEquals(14, stops.size(), "a stop every day, weekends too");
        assertEquals(Instant.parse("2026-03-27T06:00:00Z"), starts.get(4));
        assertEquals(Instant.parse("2026-03-30T05:00:00Z"), starts.get(5));
        assertEquals(Instant.parse("2026-03-28T19:00:00Z"), stops.get(5), "Saturday, in winter time");
        assertEquals(Instant.parse("2026-03-29T18:00:00Z"), stops.get(6), "Sunday, in summer time");
        for (Instant start : starts) {
            assertEquals(LocalTime.of(7, 0), start.atZone(BERLIN).toLocalTime());
        }
        for (Instant stop : stops) {
            assertEquals(LocalTime.of(20, 0), stop.atZone(BERLIN).toLocalTime());
        }
    }
}
