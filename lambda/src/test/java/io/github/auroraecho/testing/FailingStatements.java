package io.github.auroraecho.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the emulator's RDS Data API answer as AWS does when the database refuses a statement: moto runs no
 * SQL and answers every statement with success, so the engine's client gets AWS's error response instead
 * for statements containing a marker.
 */
public final class FailingStatements implements ExecutionInterceptor {
    private final Set<String> markers = ConcurrentHashMap.newKeySet();

    public void failWhenSqlContains(String marker) {
        markers.add(marker);
    }

    public void clear() {
        markers.clear();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!fails(context)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(400)
                .putHeader("x-amzn-ErrorType", "DatabaseErrorException").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        if (!fails(context)) {
            return context.responseBody();
        }
        String body = "{\"__type\": \"DatabaseErrorException\", \"message\": \"ERROR: relation \\\"sessions\\\" "
                + "does not exist\\n  Position: 13; SQLState: 42P01\"}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean fails(Context.ModifyHttpResponse context) {
        return context.request() instanceof ExecuteStatementRequest request
                && markers.stream().anyMatch(request.sql()::contains);
    }
}
