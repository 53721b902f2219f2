package io.github.auroraecho.cli;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.emulator.MotoServer;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated account the demo plays on: what a real account running aurora-echo looks like. Made with
 * admin calls the lifecycle itself never makes (CreateDBCluster, CreateDBSubnetGroup, CreateHostedZone...),
 * which is why it lives apart from the engine.
 */
record DemoAccount(URI endpoint, String sourceCluster, String subnetGroup, String zoneId, String zoneName,
                   String roleName, List<String> snapshots) {
    static final String SOURCE = "production";
    /**
     * Only named, like {@link #ROLE}: making it needs the VPC's subnets, an EC2 read whose SDK module (26 MB)
     * is not bundled for the demo, and the emulator does not check a cluster's subnet group (AWS does).
     */
    static final String SUBNET_GROUP = "demo-private";
    static final String ZONE = "example.internal";
    /**
     * Only named: the SDK's IAM module is not bundled for one demo call, and the emulator's
     * AddRoleToDBCluster does not check that the role exists (AWS does).
     */
    static final String ROLE = "demo-s3-import";
    private static final int SNAPSHOT_DAYS = 3;
    /** Production's data as staging's checks read it on a copy (the emulator runs no SQL: its Data API is told). */
    static final String ORDERS_SQL = "SELECT count(*) FROM orders";
    static final String SCHEMA_SQL = "SELECT max(version) FROM schema_migrations";
    static final long ORDERS = 1500;
    static final String SCHEMA_VERSION = "2026.11";

    static DemoAccount create(AwsClients aws, URI endpoint, LocalDate today) {
        RdsClient rds = aws.rds();
        // moto replaces a cluster created over an existing name; a second demo on the same emulator would
        // then fail somewhere obscure, so it is refused here in words.
        if (rds.describeDBClusters().dbClusters().stream().anyMatch(c -> SOURCE.equals(c.dbClusterIdentifier()))) {
            throw new IllegalStateException("the account at " + endpoint + " already has a cluster named " + SOURCE
                    + " (an earlier demo?): the demo needs an empty account, e.g. a restarted emulator");
        }
        if (!MotoServer.dataApiAnswer(endpoint, SCHEMA_SQL, List.of(List.of(SCHEMA_VERSION)))) {
            throw new IllegalStateException("the emulator at " + endpoint + " cannot be told what its RDS Data API "
                    + "answers, which staging's checks read: the demo needs aurora-echo's emulator (its boot script "
                    + "moto_server.py), not another");
        }
        rds.createDBCluster(r -> r.dbClusterIdentifier(SOURCE).engine("aurora-postgresql").engineVersion("15.4")
                .masterUsername("app").masterUserPassword("production-secret").dbSubnetGroupName(SUBNET_GROUP)
                .tags(Tag.builder().key("environment").value("production").build()));
        rds.createDBInstance(r -> r.dbInstanceIdentifier(SOURCE + "-1").dbClusterIdentifier(SOURCE)
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.2xlarge"));
        List<String> snapshots = new ArrayList<>();
        for (int daysAgo = SNAPSHOT_DAYS; daysAgo >= 0; daysAgo--) {
            snapshots.add(snapshot(rds, today.minusDays(daysAgo)));
        }
        // Databases aurora-echo must never touch: another Aurora cluster and a plain RDS instance.
        rds.createDBCluster(r -> r.dbClusterIdentifier("billing").engine("aurora-mysql")
                .masterUsername("app").masterUserPassword("billing-secret"));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("billing-1").dbClusterIdentifier("billing")
                .engine("aurora-mysql").dbInstanceClass("db.r6g.large"));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("legacy-reporting").engine("postgres")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("app").masterUserPassword("legacy-secret"));
        Route53Client route53 = aws.route53();
        String zoneId = route53.createHostedZone(r -> r.name(ZONE).callerReference("aurora-echo-demo-" + System.nanoTime()))
                .hostedZone().id();
        String shortZoneId = zoneId.substring(zoneId.lastIndexOf('/') + 1);
        // A record of something else in the same zone, which promote must leave alone.
        route53.changeResourceRecordSets(r -> r.hostedZoneId(shortZoneId).changeBatch(b -> b.changes(c -> c
                .action("UPSERT").resourceRecordSet(s -> s.name("www." + ZONE).type(RRType.CNAME).ttl(300L)
                        .resourceRecords(v -> v.value("web.example.com"))))));
        DemoAccount account = new DemoAccount(endpoint, SOURCE, SUBNET_GROUP, shortZoneId, ZONE, ROLE,
                List.copyOf(snapshots));
        account.ordersInCopies(ORDERS);
        return account;
    }

    /** The snapshot production's backup job takes each night before the lifecycles run. */
    String takeNightlySnapshot(AwsClients aws, LocalDate date) {
        return snapshot(aws.rds(), date);
    }

    /** From now on a copy's check of its orders finds this many, as a copy of that night's snapshot would. */
    void ordersInCopies(long orders) {
        if (!MotoServer.dataApiAnswer(endpoint, ORDERS_SQL, List.of(List.of(orders)))) {
            throw new IllegalStateException("the emulator at " + endpoint + " no longer takes RDS Data API answers");
        }
    }

    /** A manual snapshot whose name carries its day, so the newest is plain to see. */
    private static String snapshot(RdsClient rds, LocalDate date) {
        String id = SOURCE + "-nightly-" + date;
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier(SOURCE).dbClusterSnapshotIdentifier(id));
        return id;
    }
}
