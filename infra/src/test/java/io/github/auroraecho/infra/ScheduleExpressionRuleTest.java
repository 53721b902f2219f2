package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleExpressionRuleTest {
    @Test
    void schedulerExpressionsAreAccepted() {
        for (String expression : List.of("cron(0 2 * * ? *)", "cron(0 6 ? * MON-FRI *)", "cron(0/10 4 * * ? *)",
                "cron(15 10 ? * 6L 2027-2029)", "cron(0 8 ? * 2#1 *)", "cron(0 8 LW * ? *)", "cron(0/5 8-17 ? * MON-FRI *)",
                "rate(1 minute)", "rate(15 minutes)", "rate(1 hour)", "rate(2 days)", "at(2026-12-01T03:00:00)")) {
            assertEquals(Optional.empty(), ScheduleExpressionRule.problem(expression), expression);
        }
    }

    @Test
    void eachMistakeIsNamed() {
        for (String[] bad : new String[][] {
                {"cron(0 2 * * *)", "has 5 fields"},
                {"cron(0 2 * * ? * *)", "has 7 fields"},
                {"cron(0 2 1 * MON *)", "must be ?"},
                {"cron(0 25 * * ? *)", "hours: 25 is outside 0-23"},
                {"cron(0 2 ? * MON-FRY *)", "day-of-week: \"FRY\" is not a value"},
                {"rate(1 days)", "singular"},
                {"rate(2 day)", "singular"},
                {"rate(0 minutes)", "positive"},
                {"rate(5 seconds)", "not a schedule expression"},
                {"at(2026-12-01 03:00)", "not a schedule expression"},
                {"every day", "not a schedule expression"},
        }) {
            String problem = ScheduleExpressionRule.problem(bad[0]).orElseThrow();
            assertTrue(problem.contains(bad[1]) && problem.contains("\"" + bad[0] + "\""), bad[0] + " -> " + problem);
        }
    }
}
