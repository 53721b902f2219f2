package io.github.auroraecho.testing;

import software.amazon.awssdk.http.ExecutableHttpRequest;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which statements the emulated RDS Data API ({@link DataApiEmulator}) refuses as AWS does (a database
 * error, or a transient one such as DatabaseResumingException), and which run longer than its 45 s.
 */
public final class FailingStatements {
    /** Marker to the error code AWS answers with. */
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    /** Marker to how many of the Data API's 45-s answers the statement outlasts. */
    private final Map<String, Integer> slow = new ConcurrentHashMap<>();

    public void failWhenSqlContains(String marker, String errorCode) {
        errors.put(marker, errorCode);
    }

    public void slowWhenSqlContains(String marker, int answers) {
        slow.put(marker, answers);
    }

    public void clear() {
        errors.clear();
        slow.clear();
    }

    /** AWS's error response to a statement, or empty when the statement runs. */
    Optional<ExecutableHttpRequest> errorFor(String sql) {
        return errors.entrySet().stream().filter(e -> sql.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .map(code -> DataApiEmulator.error(400, code, message(code)));
    }

    /** How many 45-s answers the statement outlasts; 0 for one that ends in time. */
    int answersOutlasted(String sql) {
        return slow.entrySet().stream().filter(e -> sql.contains(e.getKey())).mapToInt(Map.Entry::getValue).findFirst().orElse(0);
    }

    private static String message(String code) {
        return "DatabaseErrorException".equals(code)
                ? "ERROR: relation \"sessions\" does not exist\n  Position: 13; SQLState: 42P01"
                : "The database is resuming after being auto-paused";
    }
}
