package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The engine's HTTP client in the tests, around the real one. The calls made by hand (STS's caller
 * identity, the Data API's statements) are no SDK operations, so no interceptor sees them: this records
 * them in the {@link CallRecorder} under their operation's name, and answers the statements
 * {@link FailingStatements} marks with AWS's error response.
 */
public final class HandCallsHttp implements SdkHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient real;
    private final CallRecorder recorder;
    private final FailingStatements failing;

    public HandCallsHttp(SdkHttpClient real, CallRecorder recorder, FailingStatements failing) {
        this.real = real;
        this.recorder = recorder;
        this.failing = failing;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        // The signature's scope names the service, whatever the endpoint (the emulator serves every one).
        String authorization = request.httpRequest().firstMatchingHeader("Authorization").orElse("");
        if (authorization.contains("/sts/aws4_request")) {
            recorder.record(queryAction(CannedHttp.body(request)));
        } else if (authorization.contains("/rds-data/aws4_request") && "/Execute".equals(request.httpRequest().encodedPath())) {
            recorder.record("ExecuteStatement");
            return failing.errorFor(sql(CannedHttp.body(request))).orElseGet(() -> real.prepareRequest(request));
        }
        return real.prepareRequest(request);
    }

    private static String queryAction(String form) {
        return Arrays.stream(form.split("&")).filter(p -> p.startsWith("Action=")).map(p -> p.substring("Action=".length()))
                .findFirst().orElseThrow(() -> new IllegalStateException("an STS query without an action: " + form));
    }

    private static String sql(String json) {
        try {
            return JSON.readTree(json).path("sql").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
