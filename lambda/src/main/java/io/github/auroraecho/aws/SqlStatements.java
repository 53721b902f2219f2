package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.SqlScript;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Runs modify's SQL scripts on a copy through the RDS Data API: no JDBC driver and no network path into
 * the copy's VPC, and the credentials are the copy's RDS-managed secret, which the Data API reads itself.
 */
public final class SqlStatements {
    private final RdsDataClient rdsData;
    private final S3Objects s3;
    private final Changes changes;

    public SqlStatements(RdsDataClient rdsData, S3Objects s3, Changes changes) {
        this.rdsData = rdsData;
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
     * Runs one statement in its own transaction (the Data API commits each call that names none). The
     * text is read only when the statement runs, so a dry run reads no S3 object.
     *
     * @param number the script's 1-based position, for the change list and the log
     */
    public void execute(Copy copy, String secretArn, int number, SqlScript script) {
        changes.apply("run SQL statement " + number + " on cluster " + copy.name() + ": " + script.describe(),
                () -> rdsData.executeStatement(r -> r
                        .resourceArn(copy.clusterArn())
                        .secretArn(secretArn)
                        .database(script.database())
                        .sql(text(script))), "copy", copy.name());
    }
}
