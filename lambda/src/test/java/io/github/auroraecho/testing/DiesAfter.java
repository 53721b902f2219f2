package io.github.auroraecho.testing;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/**
 * A function dying at the wire: the first request the predicate picks goes out and takes effect, its
 * answer is read, and then the run ends as if the function died waiting for it.
 */
public final class DiesAfter implements SdkHttpClient {
    private final SdkHttpClient real;
    private final Predicate<HttpExecuteRequest> when;
    private boolean died;

    public DiesAfter(SdkHttpClient real, Predicate<HttpExecuteRequest> when) {
        this.real = real;
        this.when = when;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest call = real.prepareRequest(request);
        if (died || !when.test(request)) {
            return call;
        }
        died = true;
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = call.call();
                response.responseBody().ifPresent(body -> {
                    try {
                        body.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                // Not an IOException: nothing may retry it, as nothing retries a dead function.
                throw new IllegalStateException("simulated crash after " + request.httpRequest().getUri());
            }

            @Override
            public void abort() {
                call.abort();
            }
        };
    }

    @Override
    public void close() {
        real.close();
    }
}
