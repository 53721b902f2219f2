package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lifecycle's schedules that contradict each other, found from the expressions over a year. */
class ScheduleContradictionsTest {
    /** A Monday; the checks look a year ahead, so any start finds the same weekly patterns. */
    private static final Instant FROM = Instant.parse("2027-01-04T00:00:00Z");
    private static final String DOCUMENT = "{\"managedName\": \"reporting\", \"sourceClusterName\": \"production\", "
            + "\"dbSubnetGroupName\": \"reporting-db\", \"dbInstanceClass\": \"db.r6g.large\", "
            + "\"hostedZoneIds\": [\"Z0123456789ABCDEFGHIJ\"], \"recordSetName\": \"reporting.db.example.com\"";

    /** {@code settings} are lifecycle settings or, starting with {@code document:}, fields of the document. */
    private static List<String> contradictions(String settings, String schedules) {
        boolean document = settings.startsWith("document:");
        LifecycleSchedule lifecycle = Settings.parse("{\"environments\": {\"prod\": {\"timeZone\": \"Europe/London\", "
                + "\"lifecycles\": [{\"document\": " + DOCUMENT + (document ? settings.substring(9) : "") + "}"
                + (document ? "" : settings) + ", \"schedules\": " + schedules + "}]}}}",
                Path.of(".")).environment("prod").lifecycles().get(0);
        return ScheduleContradictions.of(lifecycle, FROM);
    }

    @Test
    void theOldProdExampleWarnsOfItsWeekendAlarmAndItsWeekendCopies() {
        List<String> found = contradictions("", "{\"new\": \"cron(0 1 * * ? *)\", "
                + "\"modify\": \"cron(0/20 2-6 * * ? *)\", \"promote\": \"cron(0 7 ? * MON-FRI *)\", "
                + "\"retire\": \"cron(0 8 * * ? *)\"}");

        assertEquals(2, found.size(), found.toString());
        // Saturday's last run (retire, 08:00) reports Friday's copy 31 hours old; Sunday's new at 01:00 48 hours.
        assertEquals("reporting: its staleness alarm fires when nothing is wrong, first at Sunday 21:00: from Saturday "
                + "09:00 on, for staleAfterHours (36) hours, no scheduled run reports a served copy younger than that "
                + "(promote (cron(0 7 ? * MON-FRI *) in Europe/London)). Set \"staleAfterHours\": 48 or more, or run "
                + "a stage of the lifecycle more often.", found.get(0));
        assertEquals("reporting: new (cron(0 1 * * ? *) in Europe/London) makes copies on Saturday, Sunday that no "
                + "promote (cron(0 7 ? * MON-FRI *) in Europe/London) serves before the next new replaces them: each is "
                + "made, kept and deleted unused. Schedule new only on the days a promote follows it.", found.get(1));
    }

    @Test
    void weekdaySchedulesWithAThresholdAboveTheWeekendAreConsistent() {
        String weekdays = "{\"new\": \"cron(0 1 ? * MON-FRI *)\", \"modify\": \"cron(0/20 2-6 ? * MON-FRI *)\", "
                + "\"promote\": \"cron(0 7 ? * MON-FRI *)\", \"retire\": \"cron(0 8 ? * MON-FRI *)\"}";
        assertEquals(List.of(), contradictions(", \"staleAfterHours\": 80", weekdays));
        // The weekend is silent from Friday's retire to Monday's new, and Monday's runs report Friday's copy.
        assertTrue(contradictions("", weekdays).get(0).contains("first at Saturday 21:00: from Friday 09:00 on"));
        assertEquals(1, contradictions(", \"staleAfterHours\": 66", weekdays).size());
        // Every day: the default 36 hours holds, daylight saving time included (a 25-hour day in October).
        assertEquals(List.of(), contradictions("", "{\"new\": \"cron(0 1 * * ? *)\", \"promote\": "
                + "\"cron(0 6 * * ? *)\", \"retire\": \"cron(0 7 * * ? *)\"}"));
    }

    @Test
    void stopAndStartOfTheRunningHoursReportTheServedCopysAgeAsEveryRunDoes() {
        String weekdays = "{\"new\": \"cron(0 1 ? * MON-FRI *)\", \"modify\": \"cron(0/20 2-6 ? * MON-FRI *)\", "
                + "\"promote\": \"cron(0 7 ? * MON-FRI *)\", \"retire\": \"cron(0/15 8 ? * MON-FRI *)\"}";
        String hours = "document:, \"runningHours\": {\"timezone\": \"Europe/London\", \"days\": [\"MON\", \"TUE\", "
                + "\"WED\", \"THU\", \"FRI\"], \"start\": \"07:00\", \"stop\": \"20:00\"}";
        // Friday's 20:00 stop reports Friday's copy, so the silence starts an hour later than without running hours;
        // the weekend's stops report it older and older, so the alarm still fires: a run's report is the copy's age.
        List<String> found = contradictions(hours, weekdays);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("first at Sunday 09:00: from Friday 21:00 on"), found.get(0));
    }

    @Test
    void aStoppedCopyRetireStartsIsDeletedByItsNextRunWithinTheHour() {
        String once = "{\"promote\": \"cron(0 7 * * ? *)\", \"retire\": \"cron(0 8 * * ? *)\"}";
        String hours = "document:, \"runningHours\": {\"timezone\": \"Europe/London\", \"days\": [\"MON\"], "
                + "\"start\": \"09:00\", \"stop\": \"17:00\"}";
        List<String> found = contradictions(hours, once);
        assertEquals(1, found.size(), found.toString());
        assertEquals("reporting: retire (cron(0 8 * * ? *) in Europe/London) runs once after promote (cron(0 7 * * ? *) "
                + "in Europe/London), but the copies promote retires are stopped (runningHours): RDS deletes no instance "
                + "of a stopped cluster, so the run at Monday 08:00 starts the copy and it runs until the next retire, at "
                + "Tuesday 08:00. Run retire again within 60 minutes, for example every 15 minutes for an hour.",
                found.get(0));
        assertTrue(contradictions("document:, \"stopRetired\": true", once).get(0).contains("stopped (stopRetired)"));
        // Every 15 minutes from 08:00 to 08:45: the run after the one that starts the copy deletes it.
        assertEquals(List.of(), contradictions(hours, "{\"promote\": \"cron(0 7 * * ? *)\", "
                + "\"retire\": \"cron(0/15 8 * * ? *)\"}"));
        // Without running hours or stopRetired the retired copy runs, and one retire deletes it.
        assertEquals(List.of(), contradictions("", once));
    }

    @Test
    void retireAtTheMinuteOfPromoteCannotDeleteWhatPromoteRetired() {
        List<String> found = contradictions("", "{\"new\": \"cron(0 1 * * ? *)\", \"promote\": \"cron(0 7 * * ? *)\", "
                + "\"retire\": \"cron(0 7 * * ? *)\"}");
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("reporting: retire (cron(0 7 * * ? *) in Europe/London) runs too soon after "
                + "promote (cron(0 7 * * ? *) in Europe/London): the copies promote retires at Monday 07:00 drain for "
                + "30 minutes (drainMinutes) and a run starts up to 15 minutes late"), found.get(0));
        assertTrue(found.get(0).endsWith("Schedule retire at least 45 minutes after promote."), found.get(0));
        // drainMinutes counts: 90 minutes of drain need retire 105 minutes after promote.
        String later = "{\"promote\": \"cron(0 7 * * ? *)\", \"retire\": \"cron(0 8 * * ? *)\"}";
        assertEquals(List.of(), contradictions("", later));
        assertEquals(1, contradictions("document:, \"drainMinutes\": 90", later).size());
        // An hourly retire deletes them an hour later: no contradiction.
        assertEquals(List.of(), contradictions("", "{\"promote\": \"cron(0 7 * * ? *)\", \"retire\": \"cron(0 * * * ? *)\"}"));
    }

    @Test
    void ratesOneTimeAndDisabledSchedules() {
        assertEquals(1, contradictions("", "{\"promote\": \"rate(2 days)\"}").size());
        assertEquals(List.of(), contradictions(", \"staleAfterHours\": 48", "{\"promote\": \"rate(2 days)\"}"));
        assertEquals(1, contradictions(", \"staleAfterHours\": 47", "{\"promote\": \"rate(2 days)\"}").size());
        assertTrue(contradictions("", "{\"promote\": \"cron(0 6 1 * ? *)\"}").get(0)
                .endsWith("No staleAfterHours up to 168 holds: promote more often."));
        assertTrue(contradictions("", "{\"promote\": \"cron(0 6 1 1 ? 2027)\"}").get(0)
                .contains("runs fewer than twice in a year"));
        assertEquals(List.of(), contradictions("", "{\"promote\": \"at(2027-01-05T06:00:00)\"}"));
        assertEquals(List.of(), contradictions("", "{\"promote\": {\"expression\": \"cron(0 6 1 * ? *)\", "
                + "\"enabled\": false}}"));
        // A rate's time of day is set when it is deployed: the checks that depend on it are not made.
        assertEquals(List.of(), contradictions("", "{\"new\": \"rate(1 day)\", \"promote\": \"cron(0 7 * * ? *)\", "
                + "\"retire\": \"rate(1 day)\"}"));
    }

    @Test
    void minimumAgeHoursDecidesWhichRunsMakeACopy() {
        // new every 12 hours: with the default 20 hours only the 01:00 run makes a copy, and promote serves it.
        String twiceADay = "{\"new\": \"cron(0 1,13 * * ? *)\", \"promote\": \"cron(0 7 * * ? *)\"}";
        assertEquals(List.of(), contradictions("", twiceADay));
        List<String> found = contradictions("document:, \"minimumAgeHours\": 0", twiceADay);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("makes copies on Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, "
                + "Sunday that no promote"), found.get(0));
    }
}
