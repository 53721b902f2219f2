package io.github.auroraecho.testing;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which statements the emulator's RDS Data API refuses as AWS does: moto runs no SQL and answers every
 * statement with success, so {@link HandCallsHttp} answers statements containing a marker with AWS's error
 * response instead: a database error, or a transient one such as DatabaseResumingException.
 */
public final class FailingStatements {
    /** Marker to the error code AWS answers with. */
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    public void failWhenSqlContains(String marker, String errorCode) {
        errors.put(marker, errorCode);
    }

    public void clear() {
        errors.clear();
    }

    /** AWS's error response to a statement, or empty when the statement runs. */
    Optional<ExecutableHttpRequest> errorFor(String sql) {
        return errors.entrySet().stream().filter(e -> sql.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .map(code -> CannedHttp.answering(SdkHttpResponse.builder().statusCode(400)
                        // As AWS sends it: the type with its namespace in the header, the words in the body.
                        .putHeader("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.rdsdataservice/")
                        .putHeader("Content-Type", "application/json")
                        .build(), "{\"message\": \"" + message(code) + "\"}"));
    }

    private static String message(String code) {
        return "DatabaseErrorException".equals(code)
                ? "ERROR: relation \\\"sessions\\\" does not exist\\n  Position: 13; SQLState: 42P01"
                : "The database is resuming after being auto-paused";
    }
}
