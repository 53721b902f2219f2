package io.github.auroraecho.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

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

        /** This answer as the refusal the SDK's own clients would raise, so callers handle hand-made calls alike. */
        public AwsServiceException refusal(String service, String code, String message) {
            return AwsServiceException.builder()
                    .statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder().serviceName(service)
                            .errorCode(code == null || code.isBlank() ? "HTTP " + status : code)
                            .errorMessage(message)
                            .build())
                    .build();
        }
    }

    /** A service's regional endpoint in the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}, ...). */
    public static String regionalHost(String service, Region region) {
        return service + "." + region.id() + "." + PartitionMetadata.of(region).dnsSuffix();
    }

    /** Attempts per call, as in the SDK clients' standard retry mode. */
    private static final int ATTEMPTS = 3;
    /** The statuses the standard mode retries whatever the error: throttled, or the service failing for a moment. */
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);
    /** The standard mode's throttling errors that services answer with status 400 (STS's Throttling). */
    private static final Pattern THROTTLING = Pattern.compile(
            "(Throttling|ThrottlingException|ThrottledException|RequestThrottledException|TooManyRequestsException|RequestLimitExceeded)\\b");
    private static final Pattern XML_THROTTLING = Pattern.compile("<Code>" + THROTTLING.pattern() + "</Code>");

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
     * Signs the request for a service and region, sends it, and returns the whole response. A throttled
     * or briefly failing call is made again, signed anew, as the SDK clients' standard retry mode does.
     *
     * @param action the IAM action the call needs ({@code sts:GetCallerIdentity})
     */
    public Response send(SdkHttpRequest request, String body, String service, String region, String action) {
        actions.accept(action);
        for (int attempt = 1; ; attempt++) {
            try {
                Response response = sendOnce(request, body, service, region);
                if (attempt == ATTEMPTS || !retryable(response)) {
                    return response;
                }
            } catch (UncheckedIOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            backOff(attempt);
        }
    }

    private Response sendOnce(SdkHttpRequest request, String body, String service, String region) {
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

    /** Throttled (429, or a 400 naming a throttling error in its type header or XML code) or a 5xx that passes. */
    private static boolean retryable(Response response) {
        if (RETRIED_STATUSES.contains(response.status())) {
            return true;
        }
        String type = response.header("x-amzn-ErrorType");
        return response.status() == 400 && (type != null && THROTTLING.matcher(type).lookingAt()
                || XML_THROTTLING.matcher(new String(response.body(), StandardCharsets.UTF_8)).find());
    }

    /** Full jitter on a base that doubles from 100 ms, as the SDK's standard mode waits between attempts. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(100L << (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts of a signed call", e);
        }
    }
}
