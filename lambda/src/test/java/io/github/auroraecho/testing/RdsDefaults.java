package io.github.auroraecho.testing;


/**
 * What AWS applies or compares that the request does not say, as AWS documents it, written here independently of
 * the code under test so that the IAM proof checks the policies against AWS's rules, not against themselves.
 */
final class RdsDefaults {
    private RdsDefaults() {
    }

    /** The default parameter group of an engine version: {@code default.aurora-postgresql15}, {@code default.aurora-mysql8.0}. */
    static String parameterGroup(String engine, String version) {
        return "default." + family(engine, version);
    }

    /** The default option group: {@code default:aurora-postgresql-15}, {@code default:aurora-mysql-8-0}. */
    static String optionGroup(String engine, String version) {
        return "default:" + engine + "-" + major(engine, version).replace('.', '-');
    }

    private static String family(String engine, String version) {
        return engine + major(engine, version);
    }

    /** PostgreSQL 10 and later name families by their major version; MySQL and PostgreSQL 9.x by two numbers. */
    private static String major(String engine, String version) {
        String[] parts = version.split("\\.");
        if (engine.contains("postgresql") && Integer.parseInt(parts[0]) >= 10) {
            return parts[0];
        }
        return parts[0] + "." + parts[1];
    }
}
