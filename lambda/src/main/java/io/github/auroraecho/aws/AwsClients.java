package io.github.auroraecho.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The SDK clients of one region, each built on first use and then kept for the life of the container.
 * The endpoint comes from {@code AWS_ENDPOINT_URL} (read by the SDK itself) unless one is given here,
 * which is how the tests and the demo point at the emulator.
 */
public final class AwsClients implements AutoCloseable {
    /**
     * Longer than the Data API's own 45 s limit, so the service's answer (or its StatementTimeoutException)
     * arrives before the HTTP client gives up on a statement that is still running.
     */
    static final Duration DATA_API_READ_TIMEOUT = Duration.ofSeconds(75);

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http;
    private final SdkHttpClient dataApiHttp;
    private final Lazy<RdsClient> rds;
    private final Lazy<Route53Client> route53;
    private final Lazy<ResourceGroupsTaggingApiClient> tagging;
    private final Lazy<StsClient> sts;
    private final Lazy<RdsDataClient> rdsData;
    private final Lazy<S3Client> s3;
    private final Lazy<SsmClient> ssm;
    /** The IAM action of the last call each thread made, so a permission error can name what is missing. */
    private final ThreadLocal<String> lastAction = new ThreadLocal<>();
    /** Where that call went ({@code https://rds.eu-west-1.amazonaws.com}), so a connection error can name the host. */
    private final ThreadLocal<String> lastEndpoint = new ThreadLocal<>();

    private AwsClients(Region region, URI endpoint, AwsCredentialsProvider credentials,
                       List<ExecutionInterceptor> interceptors, SdkHttpClient http, SdkHttpClient dataApiHttp) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.interceptors = Stream.concat(Stream.of(actionRecorder()), interceptors.stream()).toList();
        this.http = http;
        this.dataApiHttp = dataApiHttp;
        this.rds = new Lazy<>(() -> configure(RdsClient.builder(), region, http, o -> { }).build());
        // Route 53's API is called in one region of the run's partition, whatever the copies' region.
        this.route53 = new Lazy<>(() -> configure(Route53Client.builder(), Route53Region.of(region), http, o -> { }).build());
        this.tagging = new Lazy<>(() -> configure(ResourceGroupsTaggingApiClient.builder(), region, http, o -> { }).build());
        this.sts = new Lazy<>(() -> configure(StsClient.builder(), region, http, o -> { }).build());
        // A statement is sent once: a retry after the request may have reached the service could run it twice.
        this.rdsData = new Lazy<>(() -> configure(RdsDataClient.builder(), region, dataApiHttp,
                o -> o.retryStrategy(r -> r.maxAttempts(1))).build());
        // A bucket in another region is read there (the SDK follows S3's redirect); an emulator by path.
        this.s3 = new Lazy<>(() -> configure(S3Client.builder(), region, http, o -> { })
                .crossRegionAccessEnabled(true)
                .forcePathStyle(endpoint != null || System.getenv("AWS_ENDPOINT_URL") != null
                        || System.getenv("AWS_ENDPOINT_URL_S3") != null)
                .build());
        this.ssm = new Lazy<>(() -> configure(SsmClient.builder(), region, http, o -> { }).build());
    }

    /** Region from the argument, else the default chain (AWS_REGION on Lambda); credentials from the default chain. */
    public static AwsClients forRegion(String region) {
        Region resolved = region != null ? Region.of(region) : new DefaultAwsRegionProviderChain().getRegion();
        return of(resolved, null, DefaultCredentialsProvider.builder().build(), List.of());
    }

    public static AwsClients of(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors) {
        return new AwsClients(region, endpoint, credentials, interceptors, urlConnection(Duration.ofSeconds(30)),
                urlConnection(DATA_API_READ_TIMEOUT));
    }

    /** Clients on a given HTTP client: SnapStart priming passes one that never leaves the process. */
    public static AwsClients of(Region region, URI endpoint, AwsCredentialsProvider credentials,
                                List<ExecutionInterceptor> interceptors, SdkHttpClient http) {
        return new AwsClients(region, endpoint, credentials, interceptors, http, http);
    }

    private static SdkHttpClient urlConnection(Duration readTimeout) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(readTimeout)
                .build();
    }

    public Region region() {
        return region;
    }

    /** The credentials every client signs with, so the CLI can learn before its first call whether there are any. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The IAM action ({@code rds:RestoreDBClusterFromSnapshot}) of this thread's last AWS call. */
    public String lastAction() {
        return lastAction.get();
    }

    /** The endpoint this thread's last AWS call was sent to; null when it failed before it had one. */
    public String lastEndpoint() {
        return lastEndpoint.get();
    }

    private ExecutionInterceptor actionRecorder() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                lastAction.set(iamPrefix(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                        + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                lastEndpoint.remove();
            }

            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                var request = context.httpRequest();
                boolean defaultPort = request.port() == ("https".equals(request.protocol()) ? 443 : 80);
                lastEndpoint.set(request.protocol() + "://" + request.host() + (defaultPort ? "" : ":" + request.port()));
            }
        };
    }

    /** SDK service names (lower case) whose IAM prefix is another word, so a denied call names the action to grant. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("rdsdata", "rds-data", "resourcegroupstaggingapi", "tag");

    /** The IAM service prefix of an SDK service name: {@code RdsData} is {@code rds-data}, the Tagging API's {@code tag}. */
    static String iamPrefix(String serviceName) {
        String name = serviceName.toLowerCase(Locale.ROOT);
        return IAM_PREFIXES.getOrDefault(name, name);
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

    /** STS: who the credentials are (the CLI's {@code -a}, role ARNs in the caller's account and partition). */
    public StsClient sts() {
        return sts.get();
    }

    /** The RDS Data API, without retries: each statement is sent once (see {@code SqlStatements}). */
    public RdsDataClient rdsData() {
        return rdsData.get();
    }

    /** S3: modify's SQL scripts kept as objects. */
    public S3Client s3() {
        return s3.get();
    }

    /** SSM Parameter Store: each lifecycle's connection parameter. */
    public SsmClient ssm() {
        return ssm.get();
    }

    /**
     * Builds every client (no call is made), so a SnapStart snapshot or the build's class-data archive holds them;
     * a new client is added here once for both.
     */
    public AwsClients buildAll() {
        Stream.of(rds, route53, tagging, sts, rdsData, s3, ssm).forEach(Lazy::get);
        return this;
    }

    private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
            B builder, Region clientRegion, SdkHttpClient httpClient, Consumer<ClientOverrideConfiguration.Builder> extra) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD);
        interceptors.forEach(override::addExecutionInterceptor);
        extra.accept(override);
        builder.httpClient(httpClient)
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
        Stream.of(rds, route53, tagging, sts, rdsData, s3, ssm).forEach(Lazy::close);
        http.close();
        if (dataApiHttp != http) {
            dataApiHttp.close();
        }
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
