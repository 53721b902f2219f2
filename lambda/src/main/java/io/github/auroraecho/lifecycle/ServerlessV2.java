package io.github.auroraecho.lifecycle;

import java.util.Optional;

/**
 * Aurora Serverless v2 capacity range, in ACUs, for copies with instance class {@code db.serverless}.
 *
 * @param secondsUntilAutoPause with a minimum of 0 ACUs, how long an idle copy runs before Aurora pauses it;
 *                              null for Aurora's default (300)
 */
public record ServerlessV2(double minCapacity, double maxCapacity, Integer secondsUntilAutoPause) {

    public ServerlessV2(double minCapacity, double maxCapacity) {
        this(minCapacity, maxCapacity, null);
    }

    /**
     * Why the copy's engine version cannot take this range, before anything is created; empty when it can or the
     * version is not known. A minimum of 0 ACUs is automatic pause, which "Scaling to Zero ACUs with automatic
     * pause and resume for Aurora Serverless v2" (Aurora User Guide) allows from Aurora PostgreSQL 16.3, 15.7,
     * 14.12 or 13.15 and Aurora MySQL 3.08.0: "You can't turn on auto-pause if you're using an engine version
     * that doesn't support it." https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html
     */
    public Optional<String> refusalFor(String engine, String engineVersion) {
        if (minCapacity != 0 || engineVersion == null || supportsAutoPause(engine, engineVersion)) {
            return Optional.empty();
        }
        return Optional.of("serverlessV2.minCapacity 0 (automatic pause) needs Aurora PostgreSQL 16.3, 15.7, 14.12,"
                + " 13.15 or later, or Aurora MySQL 3.08.0 or later; the copy would be " + engine + " " + engineVersion
                + ": set minCapacity to 0.5 or more, or an engineVersion that supports automatic pause");
    }

    static boolean supportsAutoPause(String engine, String engineVersion) {
        if ("aurora-mysql".equals(engine)) {
            // 8.0.mysql_aurora.3.08.0: Aurora's own version follows the MySQL one.
            int at = engineVersion.indexOf("mysql_aurora.");
            return at >= 0 && atLeast(numbers(engineVersion.substring(at + "mysql_aurora.".length())), 3, 8, 0);
        }
        if ("aurora-postgresql".equals(engine)) {
            int[] version = numbers(engineVersion);
            int major = version[0];
            int minor = version.length > 1 ? version[1] : 0;
            return major > 16 || switch (major) {
                case 16 -> minor >= 3;
                case 15 -> minor >= 7;
                case 14 -> minor >= 12;
                case 13 -> minor >= 15;
                default -> false;
            };
        }
        return false;
    }

    private static int[] numbers(String version) {
        String[] parts = version.split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parts[i].chars().allMatch(Character::isDigit) && !parts[i].isEmpty()
                    ? Integer.parseInt(parts[i]) : 0;
        }
        return numbers;
    }

    private static boolean atLeast(int[] version, int... wanted) {
        for (int i = 0; i < wanted.length; i++) {
            int part = i < version.length ? version[i] : 0;
            if (part != wanted[i]) {
                return part > wanted[i];
            }
        }
        return true;
    }
}
