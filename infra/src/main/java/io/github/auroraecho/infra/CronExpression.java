package io.github.auroraecho.infra;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A Scheduler cron expression, parsed to say when it runs. EventBridge Scheduler documents its six fields
 * ("Schedule types in EventBridge Scheduler", https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html,
 * and the cron reference it links, https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html):
 * minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT (1 is Sunday),
 * year 1970-2199; {@code , - * /} in every field but day-of-week, {@code ? L W} in day-of-month ({@code 3W}: the
 * weekday nearest the 3rd; {@code L}: the last day), {@code ? L #} in day-of-week ({@code 3#2}: the second Tuesday;
 * {@code 6L}: the last Friday). The same page says how daylight saving time is handled: a time that does not exist
 * when the clocks go forward is skipped, a time that happens twice when they go back runs once.
 */
final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final Predicate<LocalDate> day;

    private CronExpression(BitSet minutes, BitSet hours, BitSet months, BitSet years, Predicate<LocalDate> day) {
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.day = day;
    }

    /** The six fields of {@code cron(...)}; an {@link IllegalArgumentException} names the field that is wrong. */
    static CronExpression parse(String[] fields) {
        if (fields.length != 6) {
            throw new IllegalArgumentException("a Scheduler cron has 6 fields, not " + fields.length);
        }
        String dayOfMonth = fields[2];
        String dayOfWeek = fields[4];
        if (!"?".equals(dayOfMonth) && !"?".equals(dayOfWeek)) {
            throw new IllegalArgumentException("day-of-month or day-of-week must be ?");
        }
        Predicate<LocalDate> day = "?".equals(dayOfMonth) ? dayOfWeek(dayOfWeek) : dayOfMonth(dayOfMonth);
        return new CronExpression(values("minutes", fields[0], 0, 59, List.of()),
                values("hours", fields[1], 0, 23, List.of()), values("month", fields[3], 1, 12, MONTHS),
                values("year", fields[5], FIRST_YEAR, LAST_YEAR, List.of()), day);
    }

    /** Every time it runs in [from, to), in its time zone. */
    List<Instant> between(Instant from, Instant to, ZoneId zone) {
        List<Instant> times = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!runsOn(date)) {
                continue;
            }
            for (int hour = hours.nextSetBit(0); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
                for (int minute = minutes.nextSetBit(0); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                    LocalDateTime local = date.atTime(hour, minute);
                    if (zone.getRules().getValidOffsets(local).isEmpty()) {
                        continue; // skipped when the clocks go forward
                    }
                    Instant at = ZonedDateTime.ofLocal(local, zone, null).toInstant(); // the earlier of a repeated time
                    if (!at.isBefore(from) && at.isBefore(to)) {
                        times.add(at);
                    }
                }
            }
        }
        return times;
    }

    private boolean runsOn(LocalDate date) {
        return date.getYear() <= LAST_YEAR && years.get(date.getYear() - FIRST_YEAR)
                && months.get(date.getMonthValue() - 1) && day.test(date);
    }

    private static Predicate<LocalDate> dayOfMonth(String field) {
        Predicate<LocalDate> any = date -> false;
        List<String> plain = new ArrayList<>();
        for (String item : field.split(",", -1)) {
            if (item.equals("L")) {
                any = any.or(date -> date.getDayOfMonth() == date.lengthOfMonth());
            } else if (item.equals("LW")) {
                any = any.or(date -> date.equals(nearestWeekday(date, date.lengthOfMonth())));
            } else if (item.matches("\\d{1,2}W")) {
                int target = number("day-of-month", item.substring(0, item.length() - 1), 1, 31, List.of());
                any = any.or(date -> target <= date.lengthOfMonth() && date.equals(nearestWeekday(date, target)));
            } else {
                plain.add(item);
            }
        }
        if (!plain.isEmpty()) {
            BitSet days = values("day-of-month", String.join(",", plain), 1, 31, List.of());
            any = any.or(date -> days.get(date.getDayOfMonth() - 1));
        }
        return any;
    }

    /** The weekday nearest {@code target} in the month of {@code date}, never in another month. */
    private static LocalDate nearestWeekday(LocalDate date, int target) {
        LocalDate day = date.withDayOfMonth(target);
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> target == 1 ? day.plusDays(2) : day.minusDays(1);
            case SUNDAY -> target == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            default -> day;
        };
    }

    private static Predicate<LocalDate> dayOfWeek(String field) {
        if (field.contains("/")) {
            throw new IllegalArgumentException("day-of-week takes , - * ? L #, not /: \"" + field + "\"");
        }
        if (field.contains("#")) {
            String[] parts = field.split("#", -1);
            if (parts.length != 2 || field.contains(",")) {
                throw new IllegalArgumentException("day-of-week with # is one expression such as 3#2, not \""
                        + field + "\"");
            }
            DayOfWeek weekday = weekday(number("day-of-week", parts[0], 1, 7, DAYS));
            int nth = number("day-of-week", parts[1], 1, 5, List.of());
            return date -> date.getDayOfWeek() == weekday && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        Predicate<LocalDate> any = date -> false;
        List<String> plain = new ArrayList<>();
        for (String item : field.split(",", -1)) {
            if (item.equals("L")) {
                plain.add("7"); // the last day of the week: Saturday
            } else if (item.length() > 1 && item.endsWith("L")) {
                DayOfWeek weekday = weekday(number("day-of-week", item.substring(0, item.length() - 1), 1, 7, DAYS));
                any = any.or(date -> date.equals(date.with(TemporalAdjusters.lastInMonth(weekday))));
            } else {
                plain.add(item);
            }
        }
        if (!plain.isEmpty()) {
            BitSet days = values("day-of-week", String.join(",", plain), 1, 7, DAYS);
            any = any.or(date -> days.get(date.getDayOfWeek().getValue() % 7));
        }
        return any;
    }

    /** Scheduler's 1 is Sunday. */
    private static DayOfWeek weekday(int value) {
        return DayOfWeek.SUNDAY.plus(value - 1);
    }

    /** A field of , - * / items; bit {@code value - low} is set for each value it takes. */
    private static BitSet values(String field, String text, int low, int high, List<String> names) {
        BitSet set = new BitSet(high - low + 1);
        for (String item : text.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(field, item.substring(slash + 1), 1, high - low + 1, List.of());
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = low;
                to = high;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new IllegalArgumentException(field + ": \"" + item + "\" is not a range such as 1-5");
                }
                from = number(field, ends[0], low, high, names);
                to = number(field, ends[1], low, high, names);
            } else {
                from = number(field, range, low, high, names);
                to = slash >= 0 ? high : from;
            }
            int count = (to - from + (high - low + 1)) % (high - low + 1); // a range may wrap: 22-2, FRI-MON
            for (int i = 0; i <= count; i += step) {
                set.set((from - low + i) % (high - low + 1));
            }
        }
        return set;
    }

    private static int number(String field, String text, int low, int high, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + low;
        }
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(field + ": \"" + text + "\" is not a value"
                    + (names.isEmpty() ? "" : " (" + names.get(0) + "-" + names.get(names.size() - 1) + " or a number)"));
        }
        int value = Integer.parseInt(text);
        if (value < low || value > high) {
            throw new IllegalArgumentException(field + ": " + value + " is outside " + low + "-" + high);
        }
        return value;
    }
}
