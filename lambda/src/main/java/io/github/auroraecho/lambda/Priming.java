package io.github.auroraecho.lambda;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Log;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Result;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SnapStart priming. Before Lambda snapshots an initialised function, every stage runs once with a
 * sample document against an in-memory AWS that answers every read with an empty result, so the
 * snapshot holds the SDK's marshalling, signing and unmarshalling, Jackson and the engine loaded and
 * initialised instead of loading them on the first invocation after each restore.
 *
 * <p>Nothing leaves the process: the HTTP client is the SDK's canned-response client, and an interceptor
 * refuses every operation that is not a read (or the Data API's {@code SELECT 1}), so priming
 * cannot change anything even if a stage tried.
 * Its credentials are placeholders (not anonymous ones) so that request signing is primed too.
 * The same workload is the build's AppCDS training run ({@link #main}).
 */
public final class Priming implements Resource {
    /** org.crac holds resources weakly: this reference keeps ours registered. */
    private static final Priming INSTANCE = new Priming();
    /** Reads, and ExecuteStatement, which priming sends only with {@code SELECT 1}. */
    private static final Pattern READ = Pattern.compile("(Describe|List|Get).*|ExecuteStatement");
    /** STS's answer, so GetCallerIdentity is primed through its XML unmarshalling. */
    private static final String CALLER = """
            <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:sts::000000000000:assumed-role/priming/priming</Arn>
            <UserId>priming</UserId><Account>000000000000</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
            """;
    /** The Data API's answer to a statement that changed nothing, so its JSON protocol is primed. */
    private static final String NO_RECORDS = "{\"numberOfRecordsUpdated\": 0, \"records\": []}";
    private static final String SAMPLE = """
            {"managedName": "priming", "sourceClusterName": "priming-source", "dbSubnetGroupName": "priming",
             "dbInstanceClass": "db.r6g.large", "hostedZoneIds": ["ZPRIMING"], "recordSetName": "db.priming.example",
             "iamRoleNames": ["priming"]}
            """;

    private static final String TAGGED = """
            {"ResourceTagMappingList": [{"ResourceARN": "arn:aws:rds:us-east-1:000000000000:cluster:priming-2026-01-01",
             "Tags": [{"Key": "aurora-echo:priming:stage", "Value": "new"}]}]}
            """;

    private Priming() {
    }

    static void register() {
        Core.getGlobalContext().register(INSTANCE);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run();
        StageHandler.buildDefaultClients();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: priming never resolved credentials or opened a connection with the real clients.
    }

    /** Runs every stage offline; logs go nowhere, so no priming line reads like a real run. */
    public static void run() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Log.redirect(discard);
        try {
            try (AwsClients offline = offline("<Response/>")) {
                Engine engine = new Engine(offline, Clock.systemUTC());
                for (Operation operation : Operation.values()) {
                    Result result = engine.run(operation, LifecycleConfig.parse(SAMPLE, operation));
                    result.toJson();
                    // The metric line is built, not written: a priming figure must never reach CloudWatch.
                    EmfLine.of(result, "priming", Instant.EPOCH, null).toString();
                }
            }
            // The sample has no copy, so no stage asks who the caller is; the CLI's -a and modify's role names do.
            try (AwsClients offline = offline(CALLER)) {
                offline.sts().getCallerIdentity();
            }
            // Modify's SQL reads only when a copy takes SQL: the Data API's statement and an S3 script read.
            try (AwsClients offline = offline(NO_RECORDS)) {
                offline.rdsData().executeStatement(r -> r.resourceArn("arn:aws:rds:us-east-1:000000000000:cluster:priming")
                        .secretArn("arn:aws:secretsmanager:us-east-1:000000000000:secret:priming").sql("SELECT 1"));
                offline.s3().getObjectAsBytes(r -> r.bucket("priming").key("priming.sql"));
            }
            // Promote reads its connection parameter when the lifecycle has a promoted copy.
            try (AwsClients offline = offline(NO_RECORDS)) {
                offline.ssm().getParameter(r -> r.name("/aurora-echo/priming/connection"));
            }
        } finally {
            Log.redirect(System.err);
        }
    }

    /**
     * Clients whose every call is answered in memory: with the body given, or for the JSON-protocol Tagging
     * API with one tagged cluster, so each stage goes on to describe it as it would on AWS.
     */
    private static AwsClients offline(String body) {
        SdkHttpClient xml = canned(body);
        SdkHttpClient json = canned(TAGGED);
        SdkHttpClient byProtocol = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return (request.httpRequest().firstMatchingHeader("X-Amz-Target").isPresent() ? json : xml)
                        .prepareRequest(request);
            }

            @Override
            public void close() {
                xml.close();
                json.close();
            }
        };
        return AwsClients.of(Region.US_EAST_1, URI.create("http://localhost"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")), List.of(new ReadsOnly()),
                byProtocol);
    }

    private static SdkHttpClient canned(String body) {
        return CannedResponseHttpClient.builder().statusCode(200).responseBody(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    /**
     * The build's class-data-sharing training run ({@code java -XX:ArchiveClassesAtExit=... Priming}): the
     * offline stages, then the real clients as the CLI builds them (URL-connection client, TLS, credentials
     * chain), without a call.
     */
    public static void main(String[] args) {
        run();
        // Built only, then closed: the archive holds their classes; no call leaves the process.
        AwsClients.forRegion(Region.US_EAST_1.id()).buildAll().close();
    }

    private static final class ReadsOnly implements ExecutionInterceptor {
        @Override
        public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                    ExecutionAttributes attributes) {
            String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            if (!READ.matcher(operation).matches()) {
                throw new IllegalStateException("priming must not call " + operation);
            }
        }
    }
}
