package io.github.auroraecho.aws;

import io.github.auroraecho.testing.CannedHttp;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed GetCallerIdentity that replaces the STS module, as STS requires it and answers. */
class CallerIdentityTest {
    private final List<String> actions = new ArrayList<>();

    private CallerIdentity sts(CannedHttp http, Region region) {
        return new CallerIdentity(new SignedHttp(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")),
                actions::add), null, region);
    }

    private static CannedHttp answering(int status, String body) {
        return new CannedHttp(List.of(SdkHttpResponse.builder().statusCode(status).build()), List.of(body));
    }

    @Test
    void signsAQueryToTheRegionalEndpointAndReadsTheAccountAndArn() {
        CannedHttp http = answering(200, """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws-us-gov:sts::123456789012:assumed-role/aurora-echo/modify</Arn>
                    <UserId>AROAEXAMPLE:modify</UserId>
                    <Account>123456789012</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>
                """);

        CallerIdentity.Identity caller = sts(http, Region.US_GOV_WEST_1).get();

        assertEquals("123456789012", caller.account());
        assertEquals("aws-us-gov", caller.partition());
        SdkHttpRequest sent = http.requests.get(0);
        assertEquals("POST https://sts.us-gov-west-1.amazonaws.com/", sent.method() + " " + sent.getUri());
        assertTrue(sent.firstMatchingHeader("Authorization").orElseThrow().contains("/us-gov-west-1/sts/aws4_request"));
        assertEquals("Action=GetCallerIdentity&Version=2011-06-15", http.requestBodies.get(0));
        assertEquals(List.of("sts:GetCallerIdentity"), actions);
    }

    @Test
    void aRefusalCarriesStsCodeAndMessage() {
        CannedHttp http = answering(403, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                + "<Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>");

        AwsServiceException e = assertThrows(AwsServiceException.class, () -> sts(http, Region.EU_WEST_1).get());

        assertEquals(403, e.statusCode());
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aDocumentTypeIsRefusedSoNoEntityIsExpanded() {
        CannedHttp http = answering(200, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"123456789012\">]>"
                + "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::1:x</Arn><Account>&a;</Account>"
                + "</GetCallerIdentityResult></GetCallerIdentityResponse>");

        assertThrows(IllegalStateException.class, () -> sts(http, Region.EU_WEST_1).get());
    }
}
