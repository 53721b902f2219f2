package io.github.auroraecho.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Gateways;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.stages.Engine;
import io.github.auroraecho.stages.Result;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One account in memory for tests of what a stage decides and does: the engine runs with {@link MemoryRds}
 * {@link MemoryDns} and {@link MemorySsm} instead of RDS, Route53 and SSM, and its clock moves only when the test moves it.
 * Other AWS calls (STS, the Data API, S3) have no fake: tests that need them use {@link TestAccount}.
 */
public final class MemoryAccount {
    private Instant now = Copies.NOW;
    private final MemoryRds rds = new MemoryRds(() -> now);
    private final MemoryDns dns = new MemoryDns();
    private final MemorySsm ssm = new MemorySsm();
    /** Never called: the port is closed, so a stage reaching AWS beyond RDS and DNS fails the test. */
    private static final AwsClients UNUSED = AwsClients.of(TestAccount.REGION, URI.create("http://127.0.0.1:9"),
            AnonymousCredentialsProvider.create(), List.of());

    public MemoryRds rds() {
        return rds;
    }

    public MemoryDns dns() {
        return dns;
    }

    public MemorySsm ssm() {
        return ssm;
    }

    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public Result run(Operation operation, ObjectNode document) {
        Engine engine = new Engine(UNUSED, Clock.fixed(now, ZoneOffset.UTC), new Gateways(rds::store, dns::records, ssm::parameters));
        return engine.run(operation, LifecycleConfig.parse(document.toString(), operation));
    }

    /** The usual scene: a production cluster "prod" with a snapshot taken an hour ago. */
    public void production() {
        rds.cluster("prod", "aurora-postgresql", Map.of());
        rds.snapshot("prod", "prod-1", now.minus(Duration.ofHours(1)));
    }

    /** A copy of the lifecycle as RDS would show it: cluster and instance tagged with the stage. */
    public MemoryRds.Cluster copy(String managedName, String name, Stage stage, boolean withInstance) {
        Map<String, String> tags = Map.of(Stage.tagKey(managedName), stage.tagValue());
        MemoryRds.Cluster cluster = rds.cluster(name, "aurora-postgresql", tags);
        if (withInstance) {
            cluster.instanceTags.put(name, new java.util.LinkedHashMap<>(tags));
        }
        return cluster;
    }

    public List<Copy> copies(String managedName) {
        return rds.store(new io.github.auroraecho.aws.Changes(true, managedName)).list(new io.github.auroraecho.lifecycle.Ownership(managedName, null)).copies();
    }

    /** Every write to RDS, DNS and SSM: empty means the run changed nothing. */
    public List<String> writes() {
        return java.util.stream.Stream.of(rds.writes(), dns.writes(), ssm.writes()).flatMap(List::stream).toList();
    }
}
