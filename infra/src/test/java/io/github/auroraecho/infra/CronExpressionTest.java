package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a Scheduler cron expression runs, as "Schedule types in EventBridge Scheduler" documents its fields. */
class CronExpressionTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static List<Instant> runs(String fields, String from, String to, ZoneId zone) {
        return CronExpression.parse(fields.split(" ")).between(Instant.parse(from), Instant.parse(to), zone);
    }

    private static List<LocalDate> days(String fields, String from, String to) {
        return runs(fields, from, to, UTC).stream().map(at -> at.atZone(UTC).toLocalDate()).toList();
    }

    @Test
    void weekdaysHoursAndMinuteSteps() {
        // Monday 2027-01-04 to Monday 2027-01-11: five weekdays, hours 2 to 6, minutes 0, 20, 40.
        List<Instant> modify = runs("0/20 2-6 ? * MON-FRI *", "2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z", UTC);
        assertEquals(5 * 5 * 3, modify.size());
        assertEquals(Instant.parse("2027-01-04T02:00:00Z"), modify.get(0));
        assertEquals(Instant.parse("2027-01-08T06:40:00Z"), modify.get(modify.size() - 1));
        assertTrue(modify.stream().noneMatch(at -> at.atZone(UTC).getDayOfWeek().getValue() > 5));
        // 1 is Sunday; ranges may wrap; names in any case.
        assertEquals(List.of(LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 10)),
                days("0 6 ? * fri-1 *", "2027-01-04T00:00:00Z", "2027-01-11T00:00:00Z"));
        assertEquals(List.of(0, 1, 2, 22, 23), runs("0 22-2 * * ? *", "2027-01-04T00:00:00Z", "2027-01-05T00:00:00Z",
                UTC).stream().map(at -> at.atZone(UTC).getHour()).sorted().toList());
    }

    @Test
    void lastNearestWeekdayAndNthDayOfTheMonth() {
        String from = "2027-01-01T00:00:00Z";
        String to = "2027-04-01T00:00:00Z";
        assertEquals(List.of(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31)),
                days("0 6 L * ? *", from, to));
        // 2027-05-15 is a Saturday: Friday the 14th; 2027-08-01 a Sunday: Monday the 2nd; LW of October: Friday 29th.
        assertEquals(List.of(LocalDate.of(2027, 5, 14)), days("0 6 15W 5 ? *", "2027-05-01T00:00:00Z",
                "2027-06-01T00:00:00Z"));
        assertEquals(List.of(LocalDate.of(2027, 8, 2)), days("0 6 1W 8 ? *", "2027-08-01T00:00:00Z",
                "2027-09-01T00:00:00Z"));
        assertEquals(List.of(LocalDate.of(2027, 10, 29)), days("0 6 LW 10 ? *", "2027-10-01T00:00:00Z",
                "2027-11-01T00:00:00Z"));
        assertEquals(List.of(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 2, 9), LocalDate.of(2027, 3, 9)),
                days("0 6 ? * 3#2 *", from, to));
        assertEquals(List.of(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 26), LocalDate.of(2027, 3, 26)),
                days("0 6 ? * 6L *", from, to));
        assertTrue(days("0 6 ? * L *", from, to).stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY));
        assertEquals(List.of(), days("0 6 * * ? 2026", from, to));
    }

    @Test
    void aTimeTheClocksSkipDoesNotRunAndARepeatedOneRunsOnce() {
        // Europe/London: 01:00 becomes 02:00 on 2027-03-28, 02:00 becomes 01:00 on 2027-10-31.
        assertEquals(30, runs("30 1 * * ? *", "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z", LONDON).size());
        List<Instant> october = runs("30 1 * * ? *", "2027-10-31T00:00:00Z", "2027-11-01T00:00:00Z", LONDON);
        assertEquals(List.of(Instant.parse("2027-10-31T00:30:00Z")), october);
    }

    @Test
    void eachWrongFieldIsNamed() {
        for (String[] bad : new String[][] {
                {"60 2 * * ? *", "minutes: 60 is outside 0-59"},
                {"0 24 * * ? *", "hours: 24 is outside 0-23"},
                {"0 2 32 * ? *", "day-of-month: 32 is outside 1-31"},
                {"0 2 * 13 ? *", "month: 13 is outside 1-12"},
                {"0 2 * FOO ? *", "month: \"FOO\" is not a value (JAN-DEC or a number)"},
                {"0 2 ? * FUNDAY *", "day-of-week: \"FUNDAY\" is not a value (SUN-SAT or a number)"},
                {"0 2 ? * MON/2 *", "day-of-week takes , - * ? L #, not /"},
                {"0 2 ? * 3#1,6#3 *", "one expression"},
                {"0 2 * * ? 1969", "year: 1969 is outside 1970-2199"},
                {"0 2 1-2-3 * ? *", "not a range"},
                {"0 2 1 * MON *", "must be ?"},
        }) {
            String message = assertThrows(IllegalArgumentException.class, () -> CronExpression.parse(bad[0].split(" ")),
                    bad[0]).getMessage();
            assertTrue(message.contains(bad[1]), bad[0] + " -> " + message);
        }
    }
}
