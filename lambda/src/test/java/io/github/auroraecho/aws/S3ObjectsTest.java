package io.github.auroraecho.aws;

import io.github.auroraecho.testing.CannedHttp;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed GET that replaces the S3 module, as S3 itself requires it (the emulator checks no signature). */
class S3ObjectsTest {

    private static S3Objects s3(CannedHttp http) {
        return s3(http, Region.EU_WEST_1);
    }

    private static S3Objects s3(CannedHttp http, Region region) {
        return new S3Objects(new SignedHttp(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")), action -> { }),
                null, region);
    }

    @Test
    void aBucketInAChinaRegionIsReadFromThatPartitionsDomain() {
        CannedHttp http = new CannedHttp(List.of(SdkHttpResponse.builder().statusCode(200).build()), List.of("SELECT 1"));

        s3(http, Region.CN_NORTH_1).read("scripts", "a.sql");

        assertEquals("https://scripts.s3.cn-north-1.amazonaws.com.cn/a.sql", http.requests.get(0).getUri().toString());
    }

    @Test
    void signsAVirtualHostedGetWithThePayloadHashAndTheKeyEncodedOnce() {
        CannedHttp http = new CannedHttp(List.of(SdkHttpResponse.builder().statusCode(200).build()), List.of("DELETE FROM sessions"));

        assertEquals("DELETE FROM sessions", s3(http).read("scripts", "app/clean up.sql"));

        SdkHttpRequest sent = http.requests.get(0);
        assertEquals("https://scripts.s3.eu-west-1.amazonaws.com/app/clean%20up.sql", sent.getUri().toString());
        String authorization = sent.firstMatchingHeader("Authorization").orElseThrow();
        assertTrue(authorization.contains("/eu-west-1/s3/aws4_request"), authorization);
        assertTrue(authorization.contains("x-amz-content-sha256"), authorization);
    }

    @Test
    void aBucketInAnotherRegionIsReadThere() {
        CannedHttp http = new CannedHttp(List.of(
                SdkHttpResponse.builder().statusCode(301).putHeader("x-amz-bucket-region", "us-west-2").build(),
                SdkHttpResponse.builder().statusCode(200).build()), List.of("<Error/>", "SELECT 1"));

        assertEquals("SELECT 1", s3(http).read("my.scripts", "a.sql"));

        assertEquals("https://s3.us-west-2.amazonaws.com/my.scripts/a.sql", http.requests.get(1).getUri().toString());
    }

    @Test
    void aRefusalNamesTheObjectAndTheCode() {
        CannedHttp http = new CannedHttp(List.of(SdkHttpResponse.builder().statusCode(403).build()),
                List.of("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));

        AwsServiceException e = assertThrows(AwsServiceException.class, () -> s3(http).read("scripts", "a.sql"));

        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("s3://scripts/a.sql"), e.awsErrorDetails().errorMessage());
    }
}
