package io.github.auroraecho.lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Copy names: {@code <managedName>-<YYYY-MM-DD>[-<suffix>]}, the UTC date of creation. */
public final class CopyName {
    /** The length of {@code -YYYY-MM-DD}. */
    static final int DATE_PART_LENGTH = 11;

    private static final Pattern DATE_PART = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2})(?:-.+)?");

    private CopyName() {
    }

    public static String of(String managedName, LocalDate date, String suffix) {
        String name = managedName + "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        return suffix == null ? name : name + "-" + suffix;
    }

    /**
     * The creation date a copy's name carries, if the name has this lifecycle's form. RDS compares
     * identifiers case-insensitively (and reports them in lower case), so this does too.
     */
    public static Optional<LocalDate> dateOf(String managedName, String copyName) {
        if (!copyName.regionMatches(true, 0, managedName, 0, managedName.length())) {
            return Optional.empty();
        }
        Matcher matcher = DATE_PART.matcher(copyName.substring(managedName.length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
