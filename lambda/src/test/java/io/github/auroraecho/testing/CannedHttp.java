package io.github.auroraecho.testing;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** An HTTP client that answers each request with the next canned response and keeps the requests and their bodies. */
public final class CannedHttp implements SdkHttpClient {
    public final List<SdkHttpRequest> requests = new ArrayList<>();
    public final List<String> requestBodies = new ArrayList<>();
    private final List<SdkHttpResponse> responses;
    private final List<String> bodies;

    public CannedHttp(List<SdkHttpResponse> responses, List<String> bodies) {
        this.responses = responses;
        this.bodies = bodies;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        int n = requests.size();
        requests.add(request.httpRequest());
        requestBodies.add(body(request));
        return answering(responses.get(n), bodies.get(n));
    }

    /** A request's body as text; empty when it has none. */
    public static String body(HttpExecuteRequest request) {
        try (InputStream in = request.contentStreamProvider().map(p -> p.newStream()).orElse(InputStream.nullInputStream())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A call that answers with the response and body given, without a connection. */
    public static ExecutableHttpRequest answering(SdkHttpResponse response, String body) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }
}
