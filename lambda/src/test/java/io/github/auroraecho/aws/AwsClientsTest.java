package io.github.auroraecho.aws;

import io.github.auroraecho.testing.CannedHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the clients do at the HTTP level: which calls are resent, and where each one goes. */
class AwsClientsTest {
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret"));
    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:staging-2026-12-01";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-1";

    private static CannedHttp unavailableThenOk(String okBody) {
        SdkHttpResponse unavailable = SdkHttpResponse.builder().statusCode(503)
                .putHeader("x-amzn-ErrorType", "ServiceUnavailableError").putHeader("Content-Type", "application/json").build();
        return new CannedHttp(List.of(unavailable, SdkHttpResponse.builder().statusCode(200).build()), List.of("{}", okBody));
    }

    @Test
    void aStatementIsSentOnceEvenWhenTheAnswerIsOneOtherCallsWouldRetry() {
        CannedHttp dataApi = unavailableThenOk("{}");
        CannedHttp rds = unavailableThenOk("<DescribeDBClustersResponse><DescribeDBClustersResult/></DescribeDBClustersResponse>");

        try (AwsClients aws = AwsClients.of(Region.US_EAST_1, null, KEYS, List.of(), dataApi)) {
            assertThrows(ServiceUnavailableErrorException.class, () -> aws.rdsData().executeStatement(r -> r
                    .resourceArn(CLUSTER).secretArn(SECRET).sql("UPDATE users SET email = 'x'").continueAfterTimeout(true)));
        }
        try (AwsClients aws = AwsClients.of(Region.US_EAST_1, null, KEYS, List.of(), rds)) {
            aws.rds().describeDBClusters();
        }

        assertEquals(1, dataApi.requests.size(), "the Data API is never resent");
        assertEquals(2, rds.requests.size(), "RDS keeps the standard retries");
    }

    @Test
    void aStatementWhoseConnectionBrokeIsNotResent() {
        List<String> sent = new ArrayList<>();
        SdkHttpClient broken = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                sent.add(CannedHttp.body(request));
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        throw new IOException("Read timed out");
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
            }
        };

        try (AwsClients aws = AwsClients.of(Region.US_EAST_1, null, KEYS, List.of(), broken)) {
            assertThrows(SdkException.class, () -> aws.rdsData().executeStatement(r -> r
                    .resourceArn(CLUSTER).secretArn(SECRET).sql("UPDATE users SET email = 'x'")));
        }

        assertEquals(1, sent.size(), sent.toString());
    }

    @Test
    void theDataApisClientWaitsLongerThanTheDataApiRunsACall() {
        assertTrue(AwsClients.DATA_API_READ_TIMEOUT.toSeconds() >= 60,
                "the Data API answers by 45 s, plus the way there and back: " + AwsClients.DATA_API_READ_TIMEOUT);
    }

    /** The host each client would send to with the system property set (as AWS_USE_..._ENDPOINT does); nothing is sent. */
    private static Map<String, String> hosts(String property) {
        Map<String, String> hosts = Collections.synchronizedMap(new TreeMap<>());
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                hosts.put(AwsClients.iamPrefix(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)),
                        context.httpRequest().host());
                throw new IllegalStateException("not sent");
            }
        };
        System.setProperty(property, "true");
        try (AwsClients aws = AwsClients.of(Region.US_EAST_1, null, KEYS, List.of(stop), new CannedHttp(List.of(), List.of()))) {
            List<Consumer<AwsClients>> calls = List.of(
                    a -> a.rds().describeDBClusters(),
                    a -> a.route53().listHostedZones(),
                    a -> a.sts().getCallerIdentity(),
                    a -> a.rdsData().executeStatement(r -> r.resourceArn(CLUSTER).secretArn(SECRET).sql("SELECT 1")),
                    a -> a.s3().getObjectAsBytes(r -> r.bucket("scripts").key("a.sql")),
                    a -> a.tagging().getResources());
            for (Consumer<AwsClients> call : calls) {
                assertThrows(RuntimeException.class, () -> call.accept(aws));
            }
        } finally {
            System.clearProperty(property);
        }
        return hosts;
    }

    @Test
    void everyClientGoesToTheFipsEndpointWhenAsked() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null, "an endpoint in the environment replaces AWS's");

        Map<String, String> hosts = hosts("aws.useFipsEndpoint");

        assertEquals(Set.of("rds", "route53", "sts", "rds-data", "s3", "tag"), hosts.keySet(),
                "every client, by the IAM prefix a denied call names: " + hosts);
        hosts.forEach((service, host) -> assertTrue(host.contains("-fips."), service + " went to " + host));
    }

    @Test
    void everyClientGoesToTheDualStackEndpointWhenAsked() {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null, "an endpoint in the environment replaces AWS's");

        Map<String, String> hosts = hosts("aws.useDualstackEndpoint");

        assertEquals(6, hosts.size(), hosts.toString());
        hosts.forEach((service, host) -> assertTrue(host.endsWith(".api.aws") || host.contains("dualstack"),
                service + " went to " + host));
    }

    @ParameterizedTest
    @CsvSource({"eu-west-1, route53.amazonaws.com, us-east-1",
            "cn-north-1, route53.amazonaws.com.cn, cn-northwest-1",
            "us-gov-east-1, route53.us-gov.amazonaws.com, us-gov-west-1"})
    void route53IsCalledAtItsPartitionsEndpointSignedForItsRegion(String run, String host, String signedFor) {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null, "an endpoint in the environment replaces AWS's");
        List<String> sent = new ArrayList<>();
        ExecutionInterceptor stop = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest().host());
                sent.add(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
                throw new IllegalStateException("not sent");
            }
        };

        try (AwsClients aws = AwsClients.of(Region.of(run), null, KEYS, List.of(stop), new CannedHttp(List.of(), List.of()))) {
            assertThrows(RuntimeException.class, () -> aws.route53().listHostedZones());
        }

        assertEquals(host, sent.get(0));
        assertTrue(sent.get(1).contains("/" + signedFor + "/route53/aws4_request"), sent.get(1));
    }
}
