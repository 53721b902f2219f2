package io.github.auroraecho.infra;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What EventBridge Scheduler accepts as a schedule expression: cron (six fields), rate or a one-time at(). Checked at
 * synth time, because CloudFormation would only refuse it half-way through a deployment.
 */
final class ScheduleExpressionRule {
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

    private ScheduleExpressionRule() {
    }

    /** The fields of an expression that {@link #problem} accepts as a cron, else empty. */
    static Optional<CronExpression> cron(String expression) {
        Matcher cron = CRON.matcher(expression);
        return cron.matches() ? Optional.of(CronExpression.parse(cron.group(1).trim().split("\\s+"))) : Optional.empty();
    }

    /** The period of an expression that {@link #problem} accepts as a rate, else empty. */
    static Optional<Duration> rate(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (!rate.matches()) {
            return Optional.empty();
        }
        long value = Long.parseLong(rate.group(1));
        return Optional.of(switch (rate.group(2).charAt(0)) {
            case 'm' -> Duration.ofMinutes(value);
            case 'h' -> Duration.ofHours(value);
            default -> Duration.ofDays(value); // 24 hours, whatever daylight saving time does to the clock
        });
    }

    /** Why Scheduler would refuse the expression, or empty when it is one. */
    static Optional<String> problem(String expression) {
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                return Optional.of("\"" + expression + "\" has " + fields.length + " fields; a Scheduler cron has 6: "
                        + "minutes hours day-of-month month day-of-week year, e.g. cron(0 2 * * ? *)");
            }
            try {
                CronExpression.parse(fields);
            } catch (IllegalArgumentException e) {
                return Optional.of("\"" + expression + "\": " + e.getMessage());
            }
            return Optional.empty();
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            boolean singular = !rate.group(2).endsWith("s");
            if (value == 0 || (value == 1) != singular) {
                return Optional.of("\"" + expression + "\": a rate is a positive number, with a singular unit for 1 "
                        + "(rate(1 day)) and a plural one otherwise (rate(2 days))");
            }
            return Optional.empty();
        }
        if (AT.matcher(expression).matches()) {
            return Optional.empty();
        }
        return Optional.of("\"" + expression + "\" is not a schedule expression: use cron(minutes hours "
                + "day-of-month month day-of-week year), rate(N unit) or at(yyyy-mm-ddThh:mm:ss)");
    }
}
