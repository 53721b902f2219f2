package io.github.auroraecho.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A SigV4-signed HTTP call made by hand with the SDK's own signer and HTTP client, for the few calls
 * whose SDK module would outweigh what it does for us (an S3 object: the S3 module alone is about 5 MB;
 * STS's caller identity; the RDS Data API's statements).
 */
public final class SignedHttp {
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Consumer<String> actions;

    /** @param actions told each call's IAM action before it is made, as the SDK clients' calls are, so a permission error can name it */
    public SignedHttp(SdkHttpClient http, AwsCredentialsProvider credentials, Consumer<String> actions) {
        this.http = http;
        this.credentials = credentials;
        this.actions = actions;
    }

    /**
     * Signs the request for a service and region, sends it, and returns the whole response.
     *
     * @param action the IAM action the call needs ({@code sts:GetCallerIdentity})
     */
    public Response send(SdkHttpRequest request, String body, String service, String region, String action) {
        actions.accept(action);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                // S3 signs the path as it is sent; every other service signs it URL-encoded once more.
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !"s3".equals(service))
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !"s3".equals(service)));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] bytes;
            try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
                bytes = in.readAllBytes();
            }
            return new Response(response.httpResponse().statusCode(), response.httpResponse().headers(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.getUri() + ": " + e.getMessage(), e);
        }
    }
}
