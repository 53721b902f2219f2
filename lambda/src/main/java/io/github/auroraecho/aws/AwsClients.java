package io.github.auroraecho.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The SDK clients of one region, each built on first use and then kept for the life of the container, and
 * the few calls made by hand (signed HTTP) where an SDK module would cost more jar than it does for us.
 * The endpoint comes from {@code AWS_ENDPOINT_URL} (read by the SDK itself) unless one is given here,
 * which is how the tests and the demo point at the emulator.
 */
public final class AwsClients implements AutoCloseable {
    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http;
    private final Lazy<RdsClient> rds;
    private final Lazy<Route53Client> route53;
    private final Lazy<ResourceGroupsTaggingApiClient> tagging;
    private final SignedHttp signedHttp;
    private final S3Objects s3;
    private final CallerIdentity callerIdentity;
    private final DataApi dataApi;
    /** The IAM action of the last call each thread made, so a permission error can name what is missing. */
    private final ThreadLocal<String> lastAction = new ThreadLocal<>();

    private AwsClients(Region region, URI endpoint, AwsCredentialsProvider credentials,
                       List<ExecutionInterceptor> interceptors, SdkHttpClient http) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.interceptors = java.util.stream.Stream.concat(Stream.of(actionRecorder()), interceptors.stream()).toList();
        this.http = http;
        this.rds = new Lazy<>(() -> configure(RdsClient.builder(), region).build());
        // Route53 is a global service: its API lives in aws-global whatever the copies' region.
        this.route53 = new Lazy<>(() -> configure(Route53Client.builder(), endpoint == null ? Region.AWS_GLOBAL : region).build());
        this.tagging = new Lazy<>(() -> configure(ResourceGroupsTaggingApiClient.builder(), region).build());
        // The calls made by hand are cheap to set up (no client to build), so they are ready from the start.
        this.signedHttp = new SignedHttp(http, credentials, lastAction::set);
        this.s3 = new S3Objects(signedHttp, handEndpoint(endpoint, "AWS_ENDPOINT_URL_S3"), region);
        this.callerIdentity = new CallerIdentity(signedHttp, handEndpoint(endpoint, "AWS_ENDPOINT_URL_STS"), region);
        this.dataApi = new DataApi(signedHttp, handEndpoint(endpoint, "AWS_ENDPOINT_URL_RDS_DATA"), region);
    }

    /**
     * The endpoint of a call made by hand: the one given here, else the one the SDK clients would read from
     * the environment (the service's own variable first), else null for AWS's.
     */
    private static URI handEndpoint(URI given, String serviceVariable) {
        if (given != null) {
            return given;
        }
        for (String name : List.of(serviceVariable, "AWS_ENDPOINT_URL")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return URI.create(value);
            }
        }
        return null;
    }

    /** Region from the argument, else the default chain (AWS_REGION on Lambda); credentials from the default chain. */
    public static AwsClients forRegion(String region) {
        Region resolved = region != null ? Region.of(region) : new DefaultAwsRegionProviderChain().getRegion();
        return new AwsClients(resolved, null, DefaultCredentialsProvider.builder().build(), List.of(), urlConnection());
    }

    public static AwsClients of(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors) {
        return new AwsClients(region, endpoint, credentials, interceptors, urlConnection());
    }

    /** Clients on a given HTTP client: SnapStart priming passes one that never leaves the process. */
    public static AwsClients of(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors, SdkHttpClient http) {
        return new AwsClients(region, endpoint, credentials, interceptors, http);
    }

    private static SdkHttpClient urlConnection() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    public Region region() {
        return region;
    }

    /** The IAM action ({@code rds:RestoreDBClusterFromSnapshot}) of this thread's last AWS call. */
    public String lastAction() {
        return lastAction.get();
    }

    private ExecutionInterceptor actionRecorder() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                        ExecutionAttributes attributes) {
                lastAction.set(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(java.util.Locale.ROOT)
                        + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
    }

    public RdsClient rds() {
        return rds.get();
    }

    public Route53Client route53() {
        return route53.get();
    }

    /** The Resource Groups Tagging API: how a run finds its lifecycle's clusters without listing the account's. */
    public ResourceGroupsTaggingApiClient tagging() {
        return tagging.get();
    }


    /** Signed calls made by hand, on these clients' HTTP client and credentials. */
    public SignedHttp signedHttp() {
        return signedHttp;
    }

    /** S3 reads, made by hand: the SDK's S3 module would add a third to the jar for modify's scripts. */
    public S3Objects s3() {
        return s3;
    }

    /** STS GetCallerIdentity, made by hand: the STS module for one read would outweigh the call. */
    public CallerIdentity callerIdentity() {
        return callerIdentity;
    }

    /** The RDS Data API's ExecuteStatement, made by hand: the only Data API call modify makes. */
    public DataApi dataApi() {
        return dataApi;
    }

    private <B extends AwsSyncClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>>
            B configure(B builder, Region clientRegion) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD);
        interceptors.forEach(override::addExecutionInterceptor);
        builder.httpClient(http)
                .region(clientRegion)
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public void close() {
        rds.close();
        route53.close();
        tagging.close();
        http.close();
    }

    private static final class Lazy<T extends AutoCloseable> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void close() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    Log.warn("client-close-failed", "error", e.toString());
                }
                value = null;
            }
        }
    }
}
