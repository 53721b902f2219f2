package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.RdsCopies;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Retirement;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One emulated AWS account for a test: the engine's clients (every call recorded), separate admin
 * clients to set the scene and look at the result, and a clock that can move nights ahead.
 */
public final class TestAccount implements ExtensionContext.Store.CloseableResource {
    public static final Region REGION = Region.US_EAST_1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final CallRecorder recorder = new CallRecorder();
    private final IamCallRecorder iamCalls;
    private final FailingStatements failingStatements = new FailingStatements();
    private final StaticCredentialsProvider credentials =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private final MovingClock clock = new MovingClock();
    private final DataApiEmulator dataApi;
    private final AwsClients engineClients;
    private final AwsClients admin;

    TestAccount(URI endpoint) {
        this.endpoint = endpoint;
        this.admin = AwsClients.of(REGION, endpoint, credentials, List.of());
        this.dataApi = new DataApiEmulator(UrlConnectionHttpClient.create(), failingStatements, clock, admin.rds());
        this.iamCalls = new IamCallRecorder(admin.rds());
        this.engineClients = AwsClients.of(REGION, endpoint, credentials, List.of(recorder, iamCalls), dataApi);
    }

    public URI endpoint() {
        return endpoint;
    }

    public CallRecorder calls() {
        return recorder;
    }

    /** From now on, the engine's SQL statements containing the marker fail as AWS reports a database error. */
    public void failStatementsContaining(String marker) {
        failingStatements.failWhenSqlContains(marker, "DatabaseErrorException");
    }

    /** From now on, the engine's SQL statements containing the marker find the database resuming from a pause. */
    public void resumeDatabaseAt(String marker) {
        failingStatements.failWhenSqlContains(marker, "DatabaseResumingException");
    }

    /** From now on, the engine's SQL statements containing the marker outlast that many of the Data API's 45-s answers. */
    public void slowStatementsContaining(String marker, int answers) {
        failingStatements.slowWhenSqlContains(marker, answers);
    }

    public void stopFailingStatements() {
        failingStatements.clear();
    }

    /** The emulated Data API: what it committed, its open transactions. */
    public DataApiEmulator dataApi() {
        return dataApi;
    }

    public AwsClients engineClients() {
        return engineClients;
    }

    public RdsClient rds() {
        return admin.rds();
    }

    public Route53Client route53() {
        return admin.route53();
    }

    public Clock clock() {
        return clock;
    }

    /** Moves the clock past the default drain period after promote, where retire's schedule runs. */
    public void pastDrain() {
        advance(Duration.ofMinutes(Retirement.DEFAULT_DRAIN_MINUTES + 1));
    }

    /** Moves the engine's clock ahead, as if the next runs happened that much later. */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /**
     * From now on, restored and cloned clusters stay {@code creating} for that many DescribeDBClusters answers
     * (the minutes a restore takes on AWS) and refuse an instance meanwhile.
     */
    public void clustersCreatingFor(int describes) {
        if (!io.github.auroraecho.emulator.MotoServer.creatingDescribes(endpoint, describes)) {
            throw new IllegalStateException("the emulator at " + endpoint + " cannot keep clusters creating");
        }
    }

    /** From now on, RDS refuses to create past these quotas, e.g. {@code {"clusters": 2}} (see MotoServer.quotas). */
    public void quotas(String json) {
        if (!io.github.auroraecho.emulator.MotoServer.quotas(endpoint, json)) {
            throw new IllegalStateException("the emulator at " + endpoint + " cannot enforce quotas");
        }
    }

    /** Describes a restored cluster until RDS shows it available, as a tool must before it adds an instance. */
    public void awaitAvailable(String clusterId) {
        for (int describes = 0; describes < 20; describes++) {
            if ("available".equals(rds().describeDBClusters(r -> r.dbClusterIdentifier(clusterId)).dbClusters().get(0).status())) {
                return;
            }
        }
        throw new AssertionError("cluster " + clusterId + " is still not available");
    }

    public Result run(Operation operation, String document) {
        return run(engineClients, operation, document);
    }

    public Result run(AwsClients clients, Operation operation, String document) {
        return iamCalls.during(operation, document,
                () -> new Engine(clients, clock()).run(operation, LifecycleConfig.parse(document, operation)));
    }

    /** A run with the time a Lambda function of that timeout has, measured on the account's clock. */
    public Result runWithin(Duration budget, Operation operation, ObjectNode document) {
        return iamCalls.during(operation, document.toString(), () -> new Engine(engineClients, clock())
                .run(operation, LifecycleConfig.parse(document.toString(), operation), budget));
    }

    /** A stage run from the command line, its calls recorded for the IAM proof as that stage's with that document. */
    public CliRun cli(Operation operation, String document, String... args) {
        return iamCalls.during(operation, document, () -> CliRun.of(this, "", args));
    }

    /** Engine clients with more interceptors (a crash, a fault), still recording every call; the caller closes them. */
    public AwsClients clientsWith(ExecutionInterceptor... extra) {
        List<ExecutionInterceptor> all = new java.util.ArrayList<>(List.of(recorder, iamCalls));
        all.addAll(List.of(extra));
        return AwsClients.of(REGION, endpoint, credentials, all, new DataApiView(UrlConnectionHttpClient.create()));
    }

    /** Engine clients whose HTTP client is wrapped (to fail calls at the wire); the caller closes them. */
    public AwsClients clientsOverHttp(java.util.function.UnaryOperator<software.amazon.awssdk.http.SdkHttpClient> wrap) {
        return AwsClients.of(REGION, endpoint, credentials, List.of(recorder, iamCalls),
                wrap.apply(new DataApiView(UrlConnectionHttpClient.create())));
    }

    /** More engine clients on the same emulated Data API (its transactions and commits), each with its own connections. */
    private final class DataApiView implements software.amazon.awssdk.http.SdkHttpClient {
        private final software.amazon.awssdk.http.SdkHttpClient own;

        DataApiView(software.amazon.awssdk.http.SdkHttpClient own) {
            this.own = own;
        }

        @Override
        public software.amazon.awssdk.http.ExecutableHttpRequest prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest request) {
            return request.httpRequest().firstMatchingHeader("Authorization").orElse("").contains("/rds-data/aws4_request")
                    ? dataApi.prepareRequest(request) : own.prepareRequest(request);
        }

        @Override
        public void close() {
            own.close();
        }
    }

    /** An empty account again, with the clock back at now: for tests that replay a scenario many times. */
    public void reset() {
        io.github.auroraecho.emulator.MotoServer.reset(endpoint);
        clock.reset();
        recorder.clear();
        dataApi.reset();
    }

    public Result run(Operation operation, ObjectNode document) {
        return run(operation, document.toString());
    }

    // --- setting the scene -------------------------------------------------------------------------

    public String sourceCluster(String id, Tag... tags) {
        rds().createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-postgresql").engineVersion("15.4")
                .masterUsername("admin").masterUserPassword("production-secret").tags(tags));
        rds().createDBInstance(r -> r.dbInstanceIdentifier(id + "-1").dbClusterIdentifier(id)
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        return id;
    }

    /** The usual scene: a production cluster "prod" with one snapshot. */
    public void production() {
        sourceCluster("prod");
        snapshot("prod", "prod-1");
    }

    /** One night of a lifecycle: create, modify, promote, each required to change something; returns promote's result. */
    public Result night(ObjectNode document, Operation create) {
        changed(create, document);
        changed(Operation.MODIFY, document);
        return changed(Operation.PROMOTE, document);
    }

    private Result changed(Operation operation, ObjectNode document) {
        Result result = run(operation, document);
        if (result.outcome() != Outcome.CHANGED) {
            throw new AssertionError(operation.cliName() + " did not change anything: " + result.message());
        }
        return result;
    }

    public void snapshot(String clusterId, String snapshotId) {
        rds().createDBClusterSnapshot(r -> r.dbClusterIdentifier(clusterId).dbClusterSnapshotIdentifier(snapshotId));
    }

    /** RDS of another emulated account, which may share snapshots with this one. */
    public RdsClient rdsOfAccount(String accountId) {
        return RdsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                // moto's way of choosing the account a request acts in.
                .overrideConfiguration(c -> c.putHeader("x-moto-account-id", accountId))
                .build();
    }

    /** An S3 object holding a SQL script, in a bucket made for it. */
    public String sqlObject(String bucket, String key, String sql) {
        try (software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .region(REGION).endpointOverride(endpoint).credentialsProvider(credentials).forcePathStyle(true).build()) {
            s3.createBucket(r -> r.bucket(bucket));
            s3.putObject(r -> r.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromString(sql));
        }
        return "s3://" + bucket + "/" + key;
    }

    /** A hosted zone; returns its id without the /hostedzone/ prefix, as users write it. */
    public String zone(String name) {
        String id = route53().createHostedZone(r -> r.name(name).callerReference(name + System.nanoTime()))
                .hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    public void unrelatedInstances(int count) {
        for (int i = 0; i < count; i++) {
            String id = "unrelated-" + i;
            rds().createDBInstance(r -> r.dbInstanceIdentifier(id).engine("postgres").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("password123"));
        }
    }

    public void record(String zoneId, String name, RRType type, String value) {
        route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action("UPSERT").resourceRecordSet(s -> s.name(name).type(type).ttl(60L)
                        .resourceRecords(v -> v.value(value))))));
    }

    // --- looking at the result ---------------------------------------------------------------------

    public List<Copy> copies(String managedName) {
        return new RdsCopies(admin.rds(), admin::tagging, new Changes(true, managedName))
                .list(new Ownership(managedName, null)).copies();
    }

    public Optional<DBCluster> cluster(String id) {
        try {
            return rds().describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().stream().findFirst();
        } catch (software.amazon.awssdk.services.rds.model.DbClusterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The value of an SSM parameter, as an application reads it; empty when there is none. */
    public Optional<String> parameter(String name) {
        try {
            return Optional.of(admin.ssm().getParameter(r -> r.name(name)).parameter().value());
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The CNAME target of a record, without the final dot. */
    public Optional<String> cname(String zoneId, String name) {
        return route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(set -> set.name().equals(name + ".") && set.type() == RRType.CNAME)
                .map(set -> set.resourceRecords().get(0).value().replaceAll("\\.$", ""))
                .findFirst();
    }

    /** Everything a stage could have changed, as text: equal before and after means nothing changed. */
    public String state() {
        String clusters = rds().describeDBClusters().dbClusters().stream()
                .map(c -> c.dbClusterIdentifier() + " " + c.status() + " " + sortedTags(c.tagList()) + " roles="
                        + c.associatedRoles().size())
                .sorted().collect(Collectors.joining("\n"));
        String instances = rds().describeDBInstancesPaginator().dbInstances().stream()
                .map(i -> i.dbInstanceIdentifier() + " " + i.dbInstanceStatus() + " " + sortedTags(i.tagList()))
                .sorted().collect(Collectors.joining("\n"));
        String snapshots = rds().describeDBClusterSnapshots().dbClusterSnapshots().stream()
                .map(s -> s.dbClusterSnapshotIdentifier() + " " + s.status())
                .sorted().collect(Collectors.joining("\n"));
        String records = route53().listHostedZones().hostedZones().stream()
                .flatMap(z -> route53().listResourceRecordSets(r -> r.hostedZoneId(z.id())).resourceRecordSets().stream())
                .map(ResourceRecordSet::toString)
                .sorted().collect(Collectors.joining("\n"));
        return String.join("\n---\n", clusters, instances, snapshots, records);
    }

    private static String sortedTags(List<Tag> tags) {
        return new TreeMap<>(tags.stream().collect(Collectors.toMap(Tag::key, Tag::value))).toString();
    }

    /** A complete document for every stage, for tests to change one field at a time. */
    public static ObjectNode document(String managedName, String sourceCluster, String zoneId) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("managedName", managedName);
        doc.put("sourceClusterName", sourceCluster);
        doc.put("dbSubnetGroupName", "default");
        doc.put("dbInstanceClass", "db.r6g.large");
        doc.putArray("hostedZoneIds").add(zoneId);
        doc.put("recordSetName", "db." + managedName + ".example.com");
        return doc;
    }

    public Instant now() {
        return clock().instant().atZone(ZoneOffset.UTC).toInstant();
    }

    @Override
    public void close() {
        engineClients.close();
        admin.close();
    }
}
