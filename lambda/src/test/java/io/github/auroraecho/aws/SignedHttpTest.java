package io.github.auroraecho.aws;

import io.github.auroraecho.testing.CannedHttp;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signed calls made by hand retry as the SDK clients' standard mode does: throttling and 5xx, three attempts. */
class SignedHttpTest {
    private static final SdkHttpRequest REQUEST = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
            .uri(URI.create("https://sts.eu-west-1.amazonaws.com/")).build();

    private static SignedHttp.Response send(CannedHttp http) {
        return new SignedHttp(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")), action -> { })
                .send(REQUEST, "Action=GetCallerIdentity&Version=2011-06-15", "sts", "eu-west-1", "sts:GetCallerIdentity");
    }

    private static SdkHttpResponse status(int code) {
        return SdkHttpResponse.builder().statusCode(code).build();
    }

    @Test
    void aServiceFailingForAMomentIsCalledAgain() {
        CannedHttp http = new CannedHttp(List.of(status(503), status(200)), List.of("", "<ok/>"));

        assertEquals(200, send(http).status());
        assertEquals(2, http.requests.size());
    }

    @Test
    void throttlingAnsweredWith400IsCalledAgainUpToThreeAttempts() {
        String throttled = "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>";
        CannedHttp http = new CannedHttp(List.of(status(400), status(400), status(400)), List.of(throttled, throttled, throttled));

        assertEquals(400, send(http).status());
        assertEquals(3, http.requests.size());
    }

    @Test
    void aThrottlingErrorTypeHeaderIsCalledAgain() {
        CannedHttp http = new CannedHttp(List.of(
                SdkHttpResponse.builder().statusCode(400).putHeader("x-amzn-ErrorType", "ThrottlingException:http://internal/").build(),
                status(200)), List.of("{}", "{}"));

        assertEquals(200, send(http).status());
        assertEquals(2, http.requests.size());
    }

    @Test
    void anyOtherRefusalIsAnsweredAtOnce() {
        CannedHttp http = new CannedHttp(List.of(
                SdkHttpResponse.builder().statusCode(400).putHeader("x-amzn-ErrorType", "DatabaseErrorException").build()),
                List.of("{\"message\": \"ERROR: relation \\\"throttling\\\" does not exist\"}"));

        assertEquals(400, send(http).status());
        assertEquals(1, http.requests.size());
    }
}
