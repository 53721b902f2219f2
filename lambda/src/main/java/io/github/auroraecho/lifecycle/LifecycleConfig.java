package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lifecycle document: the same JSON drives every stage's schedule, the console's Test button and
 * the CLI. Built only by {@link #parse}, which rejects anything that would send bad input to AWS.
 */
public record LifecycleConfig(
        String managedName,
        String region,
        boolean dryRun,
        String sourceClusterName,
        String dbSubnetGroupName,
        String dbInstanceClass,
        ServerlessV2 serverlessV2,
        String engine,
        String engineVersion,
        String availabilityZone,
        List<String> vpcSecurityGroupIds,
        String dbClusterParameterGroupName,
        String dbParameterGroupName,
        String suffix,
        Map<String, String> tags,
        double minimumAgeHours,
        List<String> iamRoleNames,
        List<String> hostedZoneIds,
        String recordSetName,
        long ttl,
        long dnsSyncTimeoutSeconds,
        boolean finalSnapshot,
        double stuckAfterHours,
        String kmsKeyId,
        String sourceSnapshotArn,
        boolean manageMasterUserPassword,
        List<SqlScript> sqlScripts,
        long backupRetentionPeriod,
        long drainMinutes) {

    public static final String SERVERLESS_CLASS = "db.serverless";
    public static final double DEFAULT_MINIMUM_AGE_HOURS = 20;
    public static final long DEFAULT_TTL = 60;
    public static final long DEFAULT_DNS_SYNC_TIMEOUT_SECONDS = 120;
    /** A restore of a large database takes hours; one still creating after this is reported as stuck. */
    public static final double DEFAULT_STUCK_AFTER_HOURS = 8;
    /**
     * RDS allows 50 tags a resource; one is the stage tag, three keep times ({@link TimeTag}), and with
     * sqlScripts one more is the SQL progress tag.
     */
    public static final int MAX_EXTRA_TAGS = 50 - 1 - TimeTag.values().length;
    /**
     * How long a retired copy stays after it was retired: resolvers keep the old address for the record's
     * TTL and connection pools for longer, so its clients are not cut off mid-query.
     */
    public static final long DEFAULT_DRAIN_MINUTES = 30;
    public static final long MAX_DRAIN_MINUTES = 7 * 24 * 60;
    /** RDS's least: a copy keeps no more backups than needed, and retention cannot be 0 on Aurora. */
    public static final long DEFAULT_BACKUP_RETENTION_DAYS = 1;
    public static final int MAX_SQL_SCRIPTS = 100;
    /** The RDS Data API's limit on one statement's text. */
    public static final int MAX_SQL_LENGTH = 65_536;

    private static final Set<String> ENGINES = Set.of("aurora-mysql", "aurora-postgresql");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Parses a lifecycle document, or an EventBridge event whose {@code detail} is one, for an operation:
     * every known field is type-checked whatever the operation, and the operation's own fields are required.
     */
    public static LifecycleConfig parse(String json, Operation operation) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException("the document is empty");
        }
        return fromJson(unwrapEvent(root), operation);
    }

    /** Accepts the document itself or an EventBridge event ({@code source}, {@code detail-type}, {@code detail}). */
    private static JsonNode unwrapEvent(JsonNode root) {
        if (root.isObject() && root.has("detail-type")) {
            JsonNode detail = root.get("detail");
            if (detail == null || !detail.isObject()) {
                throw new InvalidInputException("field \"detail\" of the EventBridge event must be the lifecycle "
                        + "document (an object), not " + DocumentReader.describe(detail));
            }
            return detail;
        }
        return root;
    }

    static LifecycleConfig fromJson(JsonNode node, Operation operation) {
        DocumentReader doc = new DocumentReader(node, "");
        String managedName = doc.requiredString("managedName", Identifiers::isRdsIdentifier,
                "must be an RDS identifier (a letter first, then letters, digits and single hyphens, no hyphen at the end)");
        String region = doc.string("region", Identifiers::isRegion, "must be an AWS region such as eu-west-1");
        boolean dryRun = doc.bool("dryRun", false);
        String sourceClusterName = doc.string("sourceClusterName",
                v -> Identifiers.isRdsIdentifier(v) || Identifiers.isClusterArn(v),
                "must be an RDS cluster identifier, or the ARN of a cluster in another account that shares its snapshots");
        String dbSubnetGroupName = doc.string("dbSubnetGroupName", Identifiers::isSubnetGroupName,
                "must be a DB subnet group name (letters, digits, spaces, '.', '_' and '-', at most 255)");
        String dbInstanceClass = doc.string("dbInstanceClass", Identifiers::isInstanceClass,
                "must be a DB instance class such as db.r6g.large or db.serverless");
        ServerlessV2 serverlessV2 = readServerless(doc.object("serverlessV2"));
        String engine = doc.string("engine", ENGINES::contains, "must be aurora-mysql or aurora-postgresql");
        String engineVersion = doc.string("engineVersion", Identifiers::isEngineVersion,
                "must be an engine version such as 15.4");
        String availabilityZone = doc.string("availabilityZone", Identifiers::isAvailabilityZone,
                "must be an availability zone such as eu-west-1a");
        List<String> securityGroups = doc.strings("vpcSecurityGroupIds", 5, Identifiers::isSecurityGroupId,
                "must be a security group id such as sg-0123abcd");
        String clusterParameterGroup = doc.string("dbClusterParameterGroupName", Identifiers::isParameterGroupName,
                "must be a parameter group name");
        String parameterGroup = doc.string("dbParameterGroupName", Identifiers::isParameterGroupName,
                "must be a parameter group name");
        String suffix = doc.string("suffix", Identifiers::isSuffix,
                "must be letters, digits and single hyphens, starting and ending with a letter or digit");
        Map<String, String> tags = doc.stringMap("tags", MAX_EXTRA_TAGS, LifecycleConfig::isUserTagKey,
                "must be 1 to 128 characters and must not start with \"aurora-echo:\" or \"aws:\" (reserved)", 256);
        double minimumAgeHours = doc.number("minimumAgeHours", DEFAULT_MINIMUM_AGE_HOURS, 0, 24 * 366);
        List<String> iamRoleNames = doc.strings("iamRoleNames", 20, Identifiers::isRoleNameOrArn,
                "must be an IAM role name or a role ARN");
        List<String> hostedZoneIds = doc.strings("hostedZoneIds", 20, Identifiers::isHostedZoneId,
                "must be a Route53 hosted zone id such as Z0123456789ABC");
        String recordSetName = normalizeDnsName(doc.string("recordSetName",
                v -> Identifiers.isDnsName(normalizeDnsName(v)), "must be a DNS name such as db.staging.example.com"));
        long ttl = doc.integer("ttl", DEFAULT_TTL, 0, 2_147_483_647L);
        long dnsSyncTimeout = doc.integer("dnsSyncTimeoutSeconds", DEFAULT_DNS_SYNC_TIMEOUT_SECONDS, 0, 840);
        boolean finalSnapshot = doc.bool("finalSnapshot", false);
        long leastDrain = leastDrainMinutes(ttl);
        long drainMinutes = doc.integer("drainMinutes", Math.max(DEFAULT_DRAIN_MINUTES, leastDrain), 0, MAX_DRAIN_MINUTES);
        if (drainMinutes < leastDrain) {
            throw new InvalidInputException("field \"drainMinutes\" must be at least twice the record's ttl (" + ttl
                    + " s), so at least " + leastDrain + ": clients still resolve the old copy for up to a ttl");
        }
        double stuckAfterHours = doc.number("stuckAfterHours", DEFAULT_STUCK_AFTER_HOURS, 1, 72);
        String kmsKeyId = doc.string("kmsKeyId", Identifiers::isKmsKeyId,
                "must be a KMS key id, alias (alias/name) or key or alias ARN");
        String sourceSnapshotArn = doc.string("sourceSnapshotArn", Identifiers::isClusterSnapshotArn,
                "must be a DB cluster snapshot ARN (arn:aws:rds:<region>:<account>:cluster-snapshot:<name>)");
        boolean manageMasterUserPassword = doc.bool("manageMasterUserPassword", false);
        List<SqlScript> sqlScripts = doc.objects("sqlScripts", MAX_SQL_SCRIPTS).stream()
                .map(LifecycleConfig::readSqlScript).toList();
        long backupRetentionPeriod = doc.integer("backupRetentionPeriod", DEFAULT_BACKUP_RETENTION_DAYS, 1, 35);
        if (doc.bool("deletionProtection", false)) {
            throw new InvalidInputException("field \"deletionProtection\" can only be false: modify turns deletion "
                    + "protection off so that retire can delete the copy; protect the source cluster instead");
        }
        doc.rejectUnread();

        if (suffix != null || managedName.length() + CopyName.DATE_PART_LENGTH > Identifiers.MAX_RDS_IDENTIFIER) {
            int length = CopyName.of(managedName, java.time.LocalDate.EPOCH, suffix).length();
            if (length > Identifiers.MAX_RDS_IDENTIFIER) {
                throw new InvalidInputException("field \"" + (suffix == null ? "managedName" : "suffix")
                        + "\" makes copy names " + length + " characters long (<managedName>-YYYY-MM-DD[-<suffix>]); "
                        + "RDS allows " + Identifiers.MAX_RDS_IDENTIFIER);
            }
        }
        if (serverlessV2 != null && dbInstanceClass != null && !SERVERLESS_CLASS.equals(dbInstanceClass)) {
            throw new InvalidInputException("field \"serverlessV2\" is only for dbInstanceClass " + SERVERLESS_CLASS
                    + ", not " + dbInstanceClass);
        }
        if (sourceClusterName != null && sourceClusterName.equals(managedName)) {
            throw new InvalidInputException("field \"sourceClusterName\" must differ from managedName: "
                    + "the source must never look like one of the lifecycle's copies");
        }
        if (!sqlScripts.isEmpty() && !manageMasterUserPassword) {
            throw new InvalidInputException("field \"sqlScripts\" needs \"manageMasterUserPassword\": true: the RDS "
                    + "Data API signs in with the copy's managed secret, never with production's password");
        }
        if (!sqlScripts.isEmpty() && tags.size() == MAX_EXTRA_TAGS) {
            throw new InvalidInputException("field \"tags\" has " + tags.size() + " entries; with sqlScripts at most "
                    + (MAX_EXTRA_TAGS - 1) + " are allowed (the copy carries a tag for its SQL progress)");
        }
        if (sourceSnapshotArn != null && sourceClusterName != null) {
            throw new InvalidInputException("fields \"sourceClusterName\" and \"sourceSnapshotArn\" exclude each other: "
                    + "give the cluster (its newest snapshot is restored) or one snapshot");
        }
        LifecycleConfig config = new LifecycleConfig(managedName, region, dryRun, sourceClusterName, dbSubnetGroupName,
                dbInstanceClass, serverlessV2, engine, engineVersion, availabilityZone, securityGroups,
                clusterParameterGroup, parameterGroup, suffix, tags, minimumAgeHours, iamRoleNames, hostedZoneIds,
                recordSetName, ttl, dnsSyncTimeout, finalSnapshot, stuckAfterHours, kmsKeyId, sourceSnapshotArn,
                manageMasterUserPassword, sqlScripts, backupRetentionPeriod, drainMinutes);
        config.requireFieldsOf(operation, doc);
        return config;
    }

    private void requireFieldsOf(Operation operation, DocumentReader doc) {
        switch (operation) {
            case NEW, CLONE -> {
                if (operation == Operation.CLONE) {
                    require(sourceClusterName, "sourceClusterName", operation, doc);
                    if (sourceClusterName.startsWith("arn:")) {
                        throw new InvalidInputException("field \"sourceClusterName\" must be a cluster of this account "
                                + "for clone (a name, not an ARN): clones are made in the source's account");
                    }
                    if (sourceSnapshotArn != null) {
                        throw new InvalidInputException("field \"sourceSnapshotArn\" cannot be used with clone: "
                                + "a clone is made from a cluster, not a snapshot");
                    }
                } else if (sourceClusterName == null && sourceSnapshotArn == null) {
                    throw new InvalidInputException("field \"sourceClusterName\" is required for new (or "
                            + "\"sourceSnapshotArn\", a snapshot shared from another account)");
                }
                require(dbSubnetGroupName, "dbSubnetGroupName", operation, doc);
                require(dbInstanceClass, "dbInstanceClass", operation, doc);
                if (SERVERLESS_CLASS.equals(dbInstanceClass) && serverlessV2 == null) {
                    throw new InvalidInputException("field \"serverlessV2\" is required with dbInstanceClass "
                            + SERVERLESS_CLASS + " ({\"minCapacity\": n, \"maxCapacity\": n})");
                }
                if (operation == Operation.CLONE && (engine != null || engineVersion != null)) {
                    throw new InvalidInputException("field \"" + (engine != null ? "engine" : "engineVersion")
                            + "\" cannot be used with clone: a clone always has its source's engine and version");
                }
            }
            // Retire reads the DNS fields too: it must know what DNS points to before it deletes anything.
            case PROMOTE, RETIRE -> {
                if (hostedZoneIds.isEmpty()) {
                    throw new InvalidInputException(DocumentReader.field("hostedZoneIds") + " is required for "
                            + operation.cliName() + " (a non-empty list of hosted zone ids)");
                }
                require(recordSetName, "recordSetName", operation, doc);
            }
            case MODIFY -> {
            }
        }
    }

    private static void require(Object value, String name, Operation operation, DocumentReader doc) {
        if (value == null) {
            throw new InvalidInputException(doc.missing(name).getMessage() + " for " + operation.cliName());
        }
    }

    private static SqlScript readSqlScript(DocumentReader item) {
        String sql = item.text("sql", MAX_SQL_LENGTH);
        String s3 = item.string("s3", Identifiers::isS3Uri, "must be an S3 object URI such as s3://bucket/sanitize.sql");
        String database = item.string("database", Identifiers::isDatabaseName, "must be a database name");
        item.rejectUnread();
        if ((sql == null) == (s3 == null)) {
            throw new InvalidInputException(DocumentReader.field(item.location())
                    + " must have exactly one of \"sql\" (the statement) and \"s3\" (s3://bucket/key of the statement)");
        }
        return new SqlScript(sql, s3, database);
    }

    private static ServerlessV2 readServerless(DocumentReader doc) {
        if (doc == null) {
            return null;
        }
        double min = doc.number("minCapacity", Double.NaN, 0, 256);
        double max = doc.number("maxCapacity", Double.NaN, 0.5, 256);
        doc.rejectUnread();
        if (Double.isNaN(min)) {
            throw doc.missing("minCapacity");
        }
        if (Double.isNaN(max)) {
            throw doc.missing("maxCapacity");
        }
        if (min > max) {
            throw new InvalidInputException("field \"serverlessV2.minCapacity\" must not exceed maxCapacity");
        }
        if (min * 2 != Math.rint(min * 2) || max * 2 != Math.rint(max * 2)) {
            throw new InvalidInputException("field \"serverlessV2\" capacities must be multiples of 0.5 ACU");
        }
        return new ServerlessV2(min, max);
    }

    private static boolean isUserTagKey(String key) {
        return !key.isEmpty() && key.length() <= 128 && !Stage.isReservedTagKey(key) && !key.startsWith("aws:");
    }

    private static String stripFinalDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** DNS names are case-insensitive; Route53 reports them in lower case, so compare in that form. */
    private static String normalizeDnsName(String name) {
        return name == null ? null : stripFinalDot(name.toLowerCase(java.util.Locale.ROOT));
    }

    public LifecycleConfig asDryRun() {
        return new LifecycleConfig(managedName, region, true, sourceClusterName, dbSubnetGroupName, dbInstanceClass,
                serverlessV2, engine, engineVersion, availabilityZone, vpcSecurityGroupIds, dbClusterParameterGroupName,
                dbParameterGroupName, suffix, tags, minimumAgeHours, iamRoleNames, hostedZoneIds, recordSetName, ttl,
                dnsSyncTimeoutSeconds, finalSnapshot, stuckAfterHours, kmsKeyId, sourceSnapshotArn,
                manageMasterUserPassword, sqlScripts, backupRetentionPeriod, drainMinutes);
    }

    /** Twice the record's TTL, in whole minutes rounded up. */
    static long leastDrainMinutes(long ttlSeconds) {
        return (2 * ttlSeconds + 59) / 60;
    }

    public java.time.Duration drain() {
        return java.time.Duration.ofMinutes(drainMinutes);
    }

    public java.time.Duration stuckAfter() {
        return java.time.Duration.ofMinutes(Math.round(stuckAfterHours * 60));
    }

    public String stageTagKey() {
        return Stage.tagKey(managedName);
    }

    /** A source cluster in another account, named by ARN: its newest snapshot shared with this account is restored. */
    public boolean sourceIsSharedCluster() {
        return sourceClusterName != null && sourceClusterName.startsWith("arn:");
    }
}
