package io.github.auroraecho.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of the document's {@code sqlScripts} have run on a copy, kept in the copy's tag
 * {@code aurora-echo:<managedName>:sql} as {@code <done>/<total> <fingerprint>}. The fingerprint covers
 * only the scripts already run, so a document whose failed or later statements are fixed resumes where
 * it stopped, while one whose already-run statements changed is noticed instead of silently skipped.
 *
 * @param transaction the RDS Data API transaction in which statement {@code done + 1} still ran when the
 *                    Data API's 45 s ended its call (tag value {@code <done>/<total> <fingerprint> <id>}):
 *                    the next run commits it once the statement finished instead of starting it again;
 *                    null otherwise
 */
public record SqlProgress(int done, int total, String fingerprint, String transaction) {
    /** The characters RDS allows in a tag value, as many as fit after the counts and the fingerprint. */
    private static final Pattern VALUE = Pattern.compile("(\\d{1,3})/(\\d{1,3}) ([0-9a-f]{12})(?: ([\\w.:/=+@-]{1,230}))?");

    public static String tagKey(String managedName) {
        return "aurora-echo:" + managedName + ":sql";
    }

    /** Progress as a copy's tags record it: none yet when the tag is absent, empty when the tag is not ours. */
    public static Optional<SqlProgress> of(Map<String, String> tags, String managedName) {
        String value = tags.get(tagKey(managedName));
        if (value == null) {
            return Optional.of(new SqlProgress(0, 0, fingerprint(List.of()), null));
        }
        Matcher matcher = VALUE.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SqlProgress(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                matcher.group(3), matcher.group(4)));
    }

    /** The progress after the first {@code done} scripts of the document ran. */
    public static SqlProgress after(List<SqlScript> scripts, int done) {
        return new SqlProgress(done, scripts.size(), fingerprint(scripts.subList(0, done)), null);
    }

    /** This progress while statement {@code done + 1} runs on in a transaction after the Data API's call ended. */
    public SqlProgress running(String transactionId) {
        if (!VALUE.matcher(done + "/" + total + " " + fingerprint + " " + transactionId).matches()) {
            throw new IllegalStateException("the Data API's transaction id does not fit an RDS tag value: " + transactionId);
        }
        return new SqlProgress(done, total, fingerprint, transactionId);
    }

    /**
     * The name statement {@code number} (1-based) of these scripts records in the copy's database when it
     * commits: the copy, the number, and the fingerprint of the scripts up to it.
     */
    public static String step(String copyName, List<SqlScript> scripts, int number) {
        return copyName + " " + number + " " + fingerprint(scripts.subList(0, number));
    }

    /** True when the scripts recorded as done are the document's first {@code done} scripts. */
    public boolean matches(List<SqlScript> scripts) {
        return done <= scripts.size() && fingerprint.equals(fingerprint(scripts.subList(0, done)));
    }

    public String tagValue() {
        return done + "/" + total + " " + fingerprint + (transaction == null ? "" : " " + transaction);
    }

    static String fingerprint(List<SqlScript> scripts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SqlScript script : scripts) {
                // Each part with its length, so that no two different lists hash the same text.
                for (String part : new String[] {script.sql(), script.s3Uri(), script.database()}) {
                    byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                    digest.update((bytes.length + (part == null ? "-" : ":")).getBytes(StandardCharsets.US_ASCII));
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
