package io.github.auroraecho.lifecycle;

import java.util.List;

/**
 * What modify does to a copy before it can be promoted: IAM roles, and the secure-copy work (a managed
 * secret replacing production's password, sanitizing SQL, the copy's own backup retention).
 *
 * @param iamRoles the document's {@code iamRoleNames}: role names (ARNs built from the caller's account) or full
 *                 role ARNs, each with its feature name where given
 */
public record Modification(
        List<IamRole> iamRoles,
        boolean manageMasterUserPassword,
        List<SqlScript> sqlScripts,
        long backupRetentionPeriod) {

    /** RDS's least: a copy keeps no more backups than needed, and retention cannot be 0 on Aurora. */
    public static final long DEFAULT_BACKUP_RETENTION_DAYS = 1;
    public static final int MAX_SQL_SCRIPTS = 100;
    /** The RDS Data API's limit on one statement's text. */
    public static final int MAX_SQL_LENGTH = 65_536;
    /**
     * RDS's quota (Aurora user guide, "Quotas and constraints for Amazon Aurora": "IAM roles per DB cluster 5",
     * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html).
     */
    public static final int MAX_IAM_ROLES = 5;

    public Modification {
        iamRoles = List.copyOf(iamRoles);
        sqlScripts = List.copyOf(sqlScripts);
    }

    static Modification read(DocumentReader doc) {
        Modification modification = new Modification(
                readRoles(doc),
                doc.bool("manageMasterUserPassword", false),
                doc.objects("sqlScripts", MAX_SQL_SCRIPTS).stream().map(Modification::readSqlScript).toList(),
                doc.integer("backupRetentionPeriod", DEFAULT_BACKUP_RETENTION_DAYS, 1, 35));
        if (doc.bool("deletionProtection", false)) {
            throw new InvalidInputException("field \"deletionProtection\" can only be false: modify turns deletion "
                    + "protection off so that retire can delete the copy; protect the source cluster instead");
        }
        return modification;
    }

    /** The roles' names or ARNs, as the document gives them. */
    public List<String> iamRoleNames() {
        return iamRoles.stream().map(IamRole::name).toList();
    }

    private static List<IamRole> readRoles(DocumentReader doc) {
        List<IamRole> roles = doc.items("iamRoleNames", MAX_IAM_ROLES, "role names or {\"name\", \"featureName\"} objects")
                .stream().map(IamRole::read).toList();
        for (int i = 0; i < roles.size(); i++) {
            String name = roles.get(i).name();
            if (roles.subList(0, i).stream().anyMatch(role -> role.name().equals(name))) {
                throw doc.invalid("iamRoleNames", "lists \"" + name + "\" twice");
            }
        }
        return roles;
    }

    private static SqlScript readSqlScript(DocumentReader item) {
        String sql = item.text("sql", MAX_SQL_LENGTH);
        String s3 = item.string("s3", Identifiers::isS3Uri, "must be an S3 object URI such as s3://bucket/sanitize.sql");
        String database = item.string("database", Identifiers::isDatabaseName, "must be a database name");
        item.rejectUnread();
        if ((sql == null) == (s3 == null)) {
            throw new InvalidInputException(FieldMessages.field(item.location())
                    + " must have exactly one of \"sql\" (the statement) and \"s3\" (s3://bucket/key of the statement)");
        }
        return new SqlScript(sql, s3, database);
    }
}
