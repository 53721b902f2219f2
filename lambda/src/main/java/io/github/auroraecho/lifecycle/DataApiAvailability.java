package io.github.auroraecho.lifecycle;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where AWS offers the RDS Data API through which modify runs {@code sqlScripts}, as AWS documents it for
 * Aurora Serverless v2 and provisioned clusters (the kinds new and clone make).
 *
 * <p>"Data API isn't supported on T DB instance classes." and "For Aurora PostgreSQL version 14 and higher
 * databases, Data API only supports scram-sha-256 for password encryption." (Limitations for the Amazon RDS
 * Data API, https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.limitations.html). The
 * versions: Supported Regions and Aurora DB engines for RDS Data API,
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.Data_API.html
 * (Aurora PostgreSQL "Version 13.11 and higher" to "Version 18.3 and higher" per major version; Aurora MySQL
 * version 3 "Version 3.07 and higher"; Aurora MySQL version 2 only on Serverless v1).
 */
public final class DataApiAvailability {
    /** The lowest minor version with the Data API, per Aurora PostgreSQL major version. */
    private static final Map<Integer, Integer> POSTGRESQL_MINIMUM = Map.of(13, 11, 14, 8, 15, 3, 16, 1, 17, 4, 18, 3);
    private static final int POSTGRESQL_FIRST = 13;
    private static final int POSTGRESQL_LAST_LISTED = 18;
    private static final int POSTGRESQL_SCRAM_ONLY = 14;
    private static final Pattern POSTGRESQL = Pattern.compile("(\\d+)\\.(\\d+).*");
    /** Aurora MySQL versions read {@code 8.0.mysql_aurora.3.07.0}: the Aurora version follows the marker. */
    private static final Pattern MYSQL = Pattern.compile(".*mysql_aurora\\.(\\d+)\\.(\\d+).*");
    private static final int MYSQL_MAJOR = 3;
    private static final int MYSQL_MINIMUM = 7;

    private DataApiAvailability() {
    }

    /** False for the T classes ({@code db.t3.medium}, {@code db.t4g.large}, ...). */
    public static boolean offeredOn(String instanceClass) {
        return !instanceClass.startsWith("db.t");
    }

    /**
     * Why the Data API is not offered on this engine version, naming the lowest version that has it; empty
     * when it is offered, and for a version AWS's page does not list yet (the Data API's own answer tells).
     *
     * @param engine {@code aurora-postgresql} or {@code aurora-mysql}; null to tell by the version's form
     */
    public static Optional<String> versionRefusal(String engine, String version) {
        Matcher mysql = MYSQL.matcher(version);
        if ("aurora-mysql".equals(engine) || engine == null && mysql.matches()) {
            if (!mysql.matches()) {
                return Optional.empty();
            }
            int major = Integer.parseInt(mysql.group(1));
            int minor = Integer.parseInt(mysql.group(2));
            return major < MYSQL_MAJOR || major == MYSQL_MAJOR && minor < MYSQL_MINIMUM
                    ? Optional.of(refusal("aurora-mysql", version, "version 3.07 (8.0.mysql_aurora.3.07.0)"))
                    : Optional.empty();
        }
        Matcher postgresql = POSTGRESQL.matcher(version);
        if (!postgresql.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(postgresql.group(1));
        int minor = Integer.parseInt(postgresql.group(2));
        if (major < POSTGRESQL_FIRST) {
            return Optional.of(refusal("aurora-postgresql", version,
                    POSTGRESQL_FIRST + "." + POSTGRESQL_MINIMUM.get(POSTGRESQL_FIRST)));
        }
        if (major > POSTGRESQL_LAST_LISTED || minor >= POSTGRESQL_MINIMUM.get(major)) {
            return Optional.empty();
        }
        return Optional.of(refusal("aurora-postgresql", version, major + "." + POSTGRESQL_MINIMUM.get(major)));
    }

    /** What an operator must know when the Data API refuses to sign in: on Aurora PostgreSQL 14 and higher, only SCRAM. */
    public static Optional<String> passwordNote(String engine, String version) {
        Matcher postgresql = version == null ? null : POSTGRESQL.matcher(version);
        return "aurora-postgresql".equals(engine) && postgresql != null && postgresql.matches()
                && Integer.parseInt(postgresql.group(1)) >= POSTGRESQL_SCRAM_ONLY
                ? Optional.of("on Aurora PostgreSQL 14 and higher the Data API only signs in with passwords encrypted "
                + "with scram-sha-256: set the parameter password_encryption to scram-sha-256 in the copy's "
                + "parameter group")
                : Optional.empty();
    }

    private static String refusal(String engine, String version, String minimum) {
        return "the RDS Data API, which runs sqlScripts, is not offered on " + engine + " " + version
                + "; AWS offers it from " + minimum + " on";
    }
}
