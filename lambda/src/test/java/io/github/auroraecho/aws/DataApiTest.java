package io.github.auroraecho.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed ExecuteStatement that replaces the rdsdata module, as the Data API requires it and answers. */
class DataApiTest {
    private static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:staging-1";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-1";

    private final List<String> actions = new ArrayList<>();

    private DataApi dataApi(CannedHttp http, Region region) {
        return new DataApi(new SignedHttp(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")),
                actions::add), null, region);
    }

    private static CannedHttp answering(int status, String errorType, String body) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        if (errorType != null) {
            response.putHeader("x-amzn-ErrorType", errorType);
        }
        return new CannedHttp(List.of(response.build()), List.of(body));
    }

    @Test
    void signsAJsonPostToTheRegionsExecuteWithTheStatementAndReportsItsActionAndRequestId() throws Exception {
        CannedHttp http = new CannedHttp(List.of(SdkHttpResponse.builder().statusCode(200).putHeader("x-amzn-RequestId", "r-1").build()),
                List.of("{\"numberOfRecordsUpdated\": 3}"));

        assertEquals("r-1", dataApi(http, Region.EU_WEST_1).executeStatement(CLUSTER, SECRET, "app", "DELETE FROM sessions"));

        SdkHttpRequest sent = http.requests.get(0);
        assertEquals("POST https://rds-data.eu-west-1.amazonaws.com/Execute", sent.method() + " " + sent.getUri());
        assertTrue(sent.firstMatchingHeader("Authorization").orElseThrow().contains("/eu-west-1/rds-data/aws4_request"));
        JsonNode body = new ObjectMapper().readTree(http.requestBodies.get(0));
        assertEquals(CLUSTER, body.get("resourceArn").asText());
        assertEquals(SECRET, body.get("secretArn").asText());
        assertEquals("app", body.get("database").asText());
        assertEquals("DELETE FROM sessions", body.get("sql").asText());
        assertEquals(List.of("rds-data:ExecuteStatement"), actions);
    }

    @Test
    void noDatabaseIsSentWhenTheScriptNamesNone() throws Exception {
        CannedHttp http = answering(200, null, "{}");

        dataApi(http, Region.EU_WEST_1).executeStatement(CLUSTER, SECRET, null, "SELECT 1");

        assertFalse(new ObjectMapper().readTree(http.requestBodies.get(0)).has("database"));
    }

    @Test
    void aRefusalCarriesTheErrorTypeWithoutItsNamespaceAndTheMessage() {
        CannedHttp http = answering(400, "DatabaseResumingException:http://internal.amazon.com/coral/com.amazon.rdsdataservice/",
                "{\"message\": \"The database is resuming after being auto-paused\"}");

        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> dataApi(http, Region.EU_WEST_1).executeStatement(CLUSTER, SECRET, "app", "SELECT 1"));

        assertEquals(400, e.statusCode());
        assertEquals("DatabaseResumingException", e.awsErrorDetails().errorCode());
        assertEquals("The database is resuming after being auto-paused", e.awsErrorDetails().errorMessage());
    }

    @Test
    void withoutTheHeaderTheBodyNamesTheError() {
        CannedHttp http = answering(403, null,
                "{\"__type\": \"com.amazon.coral.service#AccessDeniedException\", \"Message\": \"not authorized\"}");

        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> dataApi(http, Region.EU_WEST_1).executeStatement(CLUSTER, SECRET, "app", "SELECT 1"));

        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        assertEquals("not authorized", e.awsErrorDetails().errorMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsNamedByItsStatus() {
        CannedHttp http = answering(404, null, "<html>Not Found</html>");

        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> dataApi(http, Region.EU_WEST_1).executeStatement(CLUSTER, SECRET, "app", "SELECT 1"));

        assertEquals("HTTP 404", e.awsErrorDetails().errorCode());
    }

    @Test
    void aChinaRegionIsCalledInItsPartition() {
        CannedHttp http = answering(200, null, "{}");

        dataApi(http, Region.CN_NORTH_1).executeStatement(CLUSTER, SECRET, "app", "SELECT 1");

        assertEquals("https://rds-data.cn-north-1.amazonaws.com.cn/Execute", http.requests.get(0).getUri().toString());
    }
}
