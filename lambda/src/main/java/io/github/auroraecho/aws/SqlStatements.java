package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.SqlScript;

/**
 * Runs modify's SQL scripts on a copy through the RDS Data API: no JDBC driver and no network path into
 * the copy's VPC, and the credentials are the copy's RDS-managed secret, which the Data API reads itself.
 */
public final class SqlStatements {
    private final DataApi dataApi;
    private final S3Objects s3;
    private final Changes changes;

    public SqlStatements(DataApi dataApi, S3Objects s3, Changes changes) {
        this.dataApi = dataApi;
        this.s3 = s3;
        this.changes = changes;
    }

    /** The statement of a script: its inline text, or the whole content of its S3 object. */
    private String text(SqlScript script) {
        if (script.sql() != null) {
            return script.sql();
        }
        return s3.read(script.bucket(), script.key());
    }

    /**
     * Runs one statement in its own transaction. The text is read only when the statement runs, so a dry
     * run reads no S3 object.
     *
     * @param number the script's 1-based position, for the change list and the log
     */
    public void execute(Copy copy, String secretArn, int number, SqlScript script) {
        changes.applyByHand("run SQL statement " + number + " on cluster " + copy.name() + ": " + script.describe(),
                () -> dataApi.executeStatement(copy.clusterArn(), secretArn, script.database(), text(script)),
                "copy", copy.name());
    }
}
