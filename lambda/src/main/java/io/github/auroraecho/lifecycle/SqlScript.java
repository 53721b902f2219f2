package io.github.auroraecho.lifecycle;

/**
 * One item of {@code sqlScripts}: exactly one of {@code sql} (the statement itself) or {@code s3} (an
 * {@code s3://bucket/key} object whose whole content is the statement). Each item is one RDS Data API
 * call and one unit of progress: it runs once per copy.
 *
 * @param database the database to connect to; null for the master user's default
 */
public record SqlScript(String sql, String s3Uri, String database) {

    public SqlScript {
        if ((sql == null) == (s3Uri == null)) {
            throw new IllegalArgumentException("exactly one of sql and s3Uri");
        }
    }

    public String bucket() {
        return s3Uri.substring("s3://".length(), s3Uri.indexOf('/', "s3://".length()));
    }

    public String key() {
        return s3Uri.substring(s3Uri.indexOf('/', "s3://".length()) + 1);
    }

    /** Words for results and logs: the S3 location, or the statement's start (never more than a line of it). */
    public String describe() {
        if (s3Uri != null) {
            return s3Uri;
        }
        String firstLine = sql.strip().lines().findFirst().orElse("");
        return firstLine.length() > 60 ? firstLine.substring(0, 60) + "..." : firstLine;
    }
}
