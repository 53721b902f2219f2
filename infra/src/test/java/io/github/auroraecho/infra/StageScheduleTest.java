package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.DocumentReader;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.StrictJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binding one entry of a lifecycle's {@code schedules} to a {@link StageSchedule}. */
class StageScheduleTest {
    private static StageSchedule read(String schedules, String stage) {
        DocumentReader reader = new DocumentReader(StrictJson.readTree(schedules, "test"), "schedules");
        return StageSchedule.read(Operation.fromCliName(stage).orElseThrow(), reader, stage, "Europe/London");
    }

    private static String error(String schedules) {
        return assertThrows(InvalidInputException.class, () -> read(schedules, "retire")).getMessage();
    }

    @Test
    void aBareExpressionTakesTheInheritedTimeZoneAndIsEnabled() {
        assertEquals(new StageSchedule(Operation.RETIRE, "rate(1 day)", "Europe/London", true),
                read("{\"retire\": \"rate(1 day)\"}", "retire"));
    }

    @Test
    void anObjectSetsItsOwnTimeZoneAndEnabled() {
        assertEquals(new StageSchedule(Operation.PROMOTE, "cron(0 6 ? * MON-FRI *)", "America/New_York", false),
                read("{\"promote\": {\"expression\": \"cron(0 6 ? * MON-FRI *)\", \"timeZone\": \"America/New_York\","
                        + " \"enabled\": false}}", "promote"));
        assertEquals(new StageSchedule(Operation.MODIFY, "rate(15 minutes)", "Europe/London", true),
                read("{\"modify\": {\"expression\": \"rate(15 minutes)\"}}", "modify"));
    }

    @Test
    void errorsNameTheField() {
        String expression = error("{\"retire\": \"cron(0 2 * * *)\"}");
        assertTrue(expression.startsWith("field \"schedules.retire\" must be a schedule expression")
                && expression.contains("has 5 fields"), expression);
        String inObject = error("{\"retire\": {\"expression\": \"daily\"}}");
        assertTrue(inObject.startsWith("field \"schedules.retire.expression\""), inObject);
        assertTrue(error("{\"retire\": {}}").contains("\"schedules.retire.expression\" is required"));
        assertTrue(error("{\"retire\": 5}").contains("must be a string"));
        assertTrue(error("{\"retire\": {\"expression\": \"rate(1 day)\", \"timeZone\": \"Mars/Olympus\"}}")
                .contains("field \"schedules.retire.timeZone\" must be an IANA time zone"));
        assertTrue(error("{\"retire\": {\"expression\": \"rate(1 day)\", \"every\": 2}}")
                .contains("unknown field \"schedules.retire.every\""));
    }
}
