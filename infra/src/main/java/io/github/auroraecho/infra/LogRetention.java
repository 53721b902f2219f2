package io.github.auroraecho.infra;

import software.amazon.awscdk.services.logs.RetentionDays;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Map.entry;

/** The retention periods CloudWatch Logs accepts, in days as the settings give them, and CDK's value for each. */
final class LogRetention {
    static final int DEFAULT_DAYS = 30;

    private static final Map<Integer, RetentionDays> BY_DAYS = Map.ofEntries(
            entry(1, RetentionDays.ONE_DAY), entry(3, RetentionDays.THREE_DAYS), entry(5, RetentionDays.FIVE_DAYS),
            entry(7, RetentionDays.ONE_WEEK), entry(14, RetentionDays.TWO_WEEKS), entry(30, RetentionDays.ONE_MONTH),
            entry(60, RetentionDays.TWO_MONTHS), entry(90, RetentionDays.THREE_MONTHS),
            entry(120, RetentionDays.FOUR_MONTHS), entry(150, RetentionDays.FIVE_MONTHS),
            entry(180, RetentionDays.SIX_MONTHS), entry(365, RetentionDays.ONE_YEAR),
            entry(400, RetentionDays.THIRTEEN_MONTHS), entry(545, RetentionDays.EIGHTEEN_MONTHS),
            entry(731, RetentionDays.TWO_YEARS), entry(1096, RetentionDays.THREE_YEARS),
            entry(1827, RetentionDays.FIVE_YEARS), entry(2192, RetentionDays.SIX_YEARS),
            entry(2557, RetentionDays.SEVEN_YEARS), entry(2922, RetentionDays.EIGHT_YEARS),
            entry(3288, RetentionDays.NINE_YEARS), entry(3653, RetentionDays.TEN_YEARS));

    private LogRetention() {
    }

    static boolean accepts(long days) {
        return days <= Integer.MAX_VALUE && BY_DAYS.containsKey((int) days);
    }

    static SortedSet<Integer> acceptedDays() {
        return new TreeSet<>(BY_DAYS.keySet());
    }

    static RetentionDays of(int days) {
        RetentionDays value = BY_DAYS.get(days);
        if (value == null) {
            throw new IllegalArgumentException(days + " days is not a CloudWatch Logs retention");
        }
        return value;
    }
}
