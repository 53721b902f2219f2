package io.github.auroraecho.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the emulator's RDS Data API answer as AWS does when the database refuses a statement: moto runs no
 * SQL and answers every statement with success, so the engine's client gets AWS's error response instead
 * for statements containing a marker: a database error, or a transient one such as DatabaseResumingException.
 */
public final class FailingStatements implements ExecutionInterceptor {
    /** Marker to the error code AWS answers with. */
    private final Map<String, String> errors = new ConcurrentHashMap<>();

    public void failWhenSqlContains(String marker, String errorCode) {
        errors.put(marker, errorCode);
    }

    public void clear() {
        errors.clear();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<String> error = error(context);
        if (error.isEmpty()) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(400).putHeader("x-amzn-ErrorType", error.get()).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<String> error = error(context);
        if (error.isEmpty()) {
            return context.responseBody();
        }
        String message = "DatabaseErrorException".equals(error.get())
                ? "ERROR: relation \\\"sessions\\\" does not exist\\n  Position: 13; SQLState: 42P01"
                : "The database is resuming after being auto-paused";
        String body = "{\"__type\": \"" + error.get() + "\", \"message\": \"" + message + "\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<String> error(Context.ModifyHttpResponse context) {
        if (!(context.request() instanceof ExecuteStatementRequest request)) {
            return Optional.empty();
        }
        return errors.entrySet().stream().filter(e -> request.sql().contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst();
    }
}
