package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document's {@code runningHours} and {@code stopRetired}: read strictly, and when the served copy runs. */
class RunningHoursTest {
    private static final String WEEKDAYS = "{\"timezone\": \"Europe/Berlin\", \"days\": [\"MON\", \"TUE\", \"WED\", "
            + "\"THU\", \"FRI\"], \"start\": \"07:00\", \"stop\": \"20:00\"}";

    private static Stopping stopping(String fields) {
        return LifecycleConfig.parse("{\"managedName\": \"staging\"" + fields + "}", Operation.STOP).stopping();
    }

    private static RunningHours hours(String runningHours) {
        return stopping(", \"runningHours\": " + runningHours).runningHours();
    }

    private static String refusal(String runningHours) {
        return assertThrows(InvalidInputException.class, () -> hours(runningHours)).getMessage();
    }

    @Test
    void readsTheIssuesExample() {
        RunningHours hours = hours(WEEKDAYS);
        assertEquals("Europe/Berlin", hours.zone().getId());
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), hours.days());
        assertEquals(LocalTime.of(7, 0), hours.start());
        assertEquals(LocalTime.of(20, 0), hours.stop());
        assertEquals(Duration.ofHours(65), hours.perWeek());
        assertEquals("MON-FRI 07:00-20:00 Europe/Berlin (65 of 168 hours a week)", hours.describe());
    }

    @Test
    void daysAreKeptInWeekOrderAndNamedAsGivenWhenNotARun() {
        RunningHours hours = hours("{\"timezone\": \"UTC\", \"days\": [\"SAT\", \"MON\"], \"start\": \"09:30\", "
                + "\"stop\": \"12:00\"}");
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), hours.days());
        assertEquals("MON,SAT 09:30-12:00 UTC (5 of 168 hours a week)", hours.describe());
        assertEquals("2.5", hours("{\"timezone\": \"UTC\", \"days\": [\"SUN\"], \"start\": \"09:30\", "
                + "\"stop\": \"12:00\"}").hoursPerWeek());
    }

    @Test
    void withoutTheFieldsCopiesRunAroundTheClockAndRetiredOnesAreNotStopped() {
        Stopping none = stopping("");
        assertNull(none.runningHours());
        assertFalse(none.stopRetired());
        assertFalse(none.servedCopyStoppedAt(Instant.parse("2026-12-06T03:00:00Z")));
        assertTrue(stopping(", \"stopRetired\": true").stopRetired());
    }

    /** Berlin is UTC+1 in winter and UTC+2 in summer: the same wall-clock hours are other UTC hours. */
    @ParameterizedTest
    @CsvSource({
            "2026-12-07T05:59:00Z, false",  // Monday 06:59 in Berlin (CET)
            "2026-12-07T06:00:00Z, true",   // Monday 07:00
            "2026-12-07T18:59:00Z, true",   // Monday 19:59
            "2026-12-07T19:00:00Z, false",  // Monday 20:00: stop is not included
            "2026-12-05T12:00:00Z, false",  // Saturday noon
            "2026-07-06T05:00:00Z, true",   // Monday 07:00 in summer (CEST)
            "2026-07-06T18:30:00Z, false",  // Monday 20:30 in summer
    })
    void theCopyRunsOnItsDaysBetweenStartAndStopInItsZone(String instant, boolean runs) {
        RunningHours hours = hours(WEEKDAYS);
        assertEquals(runs, hours.runsAt(Instant.parse(instant)), instant);
        assertEquals(!runs, stopping(", \"runningHours\": " + WEEKDAYS).servedCopyStoppedAt(Instant.parse(instant)));
    }

    @Test
    void aMalformedFieldIsRefusedNamingIt() {
        assertTrue(refusal(WEEKDAYS.replace("Europe/Berlin", "Europe/Atlantis")).contains("\"runningHours.timezone\""));
        assertTrue(refusal(WEEKDAYS.replace("Europe/Berlin", "+01:00")).contains("IANA time zone"));
        assertTrue(refusal(WEEKDAYS.replace("\"MON\"", "\"MONDAY\"")).contains("\"runningHours.days"));
        assertTrue(refusal(WEEKDAYS.replace("\"TUE\"", "\"MON\"")).contains("lists \"MON\" twice"));
        assertTrue(refusal(WEEKDAYS.replace("[\"MON\", \"TUE\", \"WED\", \"THU\", \"FRI\"]", "[]"))
                .contains("at least one day"));
        assertTrue(refusal(WEEKDAYS.replace("07:00", "7:00")).contains("\"runningHours.start\" must be a 24-hour time HH:MM"));
        assertTrue(refusal(WEEKDAYS.replace("20:00", "24:00")).contains("\"runningHours.stop\""));
        assertTrue(refusal(WEEKDAYS.replace("20:00", "06:00")).contains("must come after start (07:00)"));
        assertTrue(refusal(WEEKDAYS.replace("20:00", "07:00")).contains("must come after start"));
        assertTrue(refusal(WEEKDAYS.replace("\"start\"", "\"begin\"")).contains("runningHours"));
        assertTrue(refusal("{\"timezone\": \"UTC\", \"days\": [\"MON\"], \"start\": \"07:00\"}").contains("\"runningHours.stop\""));
        assertTrue(refusal("\"weekdays\"").contains("\"runningHours\" must be"));
        assertTrue(assertThrows(InvalidInputException.class, () -> stopping(", \"stopRetired\": \"yes\""))
                .getMessage().contains("\"stopRetired\""));
    }

    @Test
    void everyOperationReadsTheFieldsSoABadDocumentFailsWhateverTheStage() {
        for (Operation operation : Operation.values()) {
            String document = "{\"managedName\": \"staging\", \"sourceClusterName\": \"prod\", \"dbSubnetGroupName\": "
                    + "\"g\", \"dbInstanceClass\": \"db.r6g.large\", \"hostedZoneIds\": [\"Z1\"], \"recordSetName\": "
                    + "\"db.example.com\", \"runningHours\": " + WEEKDAYS.replace("20:00", "06:00") + "}";
            assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, operation), operation.name());
        }
    }
}
