package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules between fields and per operation, on configurations built in code (LifecycleConfigTest: from documents). */
class LifecycleRulesTest {
    private static final Placement PLACED = new Placement("default", "db.r6g.large", null, null, null, null, List.of(),
            null, null, null, false);
    private static final LifecycleConfig NEW = LifecycleConfig.builder("staging")
            .source(new CopySource("prod", null)).placement(PLACED).build();
    private static final DnsRecords DNS = new DnsRecords(List.of("Z1"), "db.example.com", 60, 120);

    private static void assertRefused(LifecycleConfig config, Operation operation, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleRules.check(config, operation));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aCompleteConfigurationPassesForItsOperations() {
        assertDoesNotThrow(() -> LifecycleRules.check(NEW, Operation.NEW));
        assertDoesNotThrow(() -> LifecycleRules.check(NEW, Operation.CLONE));
        assertDoesNotThrow(() -> LifecycleRules.check(NEW.toBuilder().dns(DNS).build(), Operation.PROMOTE));
        assertDoesNotThrow(() -> LifecycleRules.check(LifecycleConfig.builder("staging").build(), Operation.MODIFY));
    }

    @Test
    void eachOperationRequiresItsOwnFields() {
        assertRefused(NEW.toBuilder().source(new CopySource(null, null)).build(), Operation.NEW, "\"sourceClusterName\" is required for new");
        assertRefused(NEW.toBuilder().placement(LifecycleConfig.builder("staging").build().placement()).build(), Operation.CLONE, "\"dbSubnetGroupName\" is required for clone");
        assertRefused(NEW, Operation.PROMOTE, "\"hostedZoneIds\" is required for promote");
        assertRefused(NEW.toBuilder().dns(new DnsRecords(List.of("Z1"), null, 60, 120)).build(), Operation.RETIRE,
                "\"recordSetName\" is required for retire");
    }

    @Test
    void aSharedSnapshotReplacesTheSourceClusterForNewOnly() {
        LifecycleConfig shared = NEW.toBuilder()
                .source(new CopySource(null, "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:prod-1")).build();
        assertDoesNotThrow(() -> LifecycleRules.check(shared, Operation.NEW));
        assertRefused(shared, Operation.CLONE, "\"sourceClusterName\" is required for clone");
        assertRefused(NEW.toBuilder().source(new CopySource("prod", shared.source().sourceSnapshotArn())).build(),
                Operation.NEW, "exclude each other");
    }

    @Test
    void sqlScriptsNeedTheManagedSecretAndATagOfTheirOwn() {
        List<SqlScript> scripts = List.of(new SqlScript("SELECT 1", null, null));
        assertRefused(NEW.toBuilder().modification(new Modification(List.of(), false, scripts, 1)).build(),
                Operation.MODIFY, "needs \"manageMasterUserPassword\"");
        Map<String, String> fullTags = IntStream.range(0, Labels.MAX_EXTRA_TAGS).boxed()
                .collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertRefused(NEW.toBuilder().labels(new Labels(null, fullTags))
                .modification(new Modification(List.of(), true, scripts, 1)).build(), Operation.MODIFY,
                "at most " + (Labels.MAX_EXTRA_TAGS - 1));
    }

    @Test
    void sqlScriptsAreRefusedWhereAwsOffersNoDataApi() {
        Modification sql = new Modification(List.of(), true, List.of(new SqlScript("SELECT 1", null, null)), 1);
        for (String tClass : List.of("db.t3.medium", "db.t4g.large")) {
            Placement placed = new Placement("default", tClass, null, null, null, null, List.of(), null, null, null, false);
            for (Operation operation : Operation.values()) {
                assertRefused(NEW.toBuilder().placement(placed).modification(sql).build(), operation,
                        "field \"dbInstanceClass\" is " + tClass + ", a T class");
            }
            assertDoesNotThrow(() -> LifecycleRules.check(NEW.toBuilder().placement(placed).build(), Operation.NEW),
                    "without SQL a T class is fine");
        }
        Placement old = new Placement("default", "db.r6g.large", null, "aurora-postgresql", "15.2", null, List.of(),
                null, null, null, false);
        assertRefused(NEW.toBuilder().placement(old).modification(sql).build(), Operation.NEW,
                "field \"engineVersion\": the RDS Data API, which runs sqlScripts, is not offered on aurora-postgresql 15.2; "
                        + "AWS offers it from 15.3 on");
        assertDoesNotThrow(() -> LifecycleRules.check(NEW.toBuilder().modification(sql).build(), Operation.MODIFY));
    }

    @Test
    void theCrossFieldRulesHoldWhateverTheOperation() {
        for (Operation operation : Operation.values()) {
            assertRefused(NEW.toBuilder().source(new CopySource("staging", null)).build(), operation, "must differ");
            assertRefused(NEW.toBuilder().labels(new Labels("x".repeat(60), Map.of())).build(), operation, "\"suffix\"");
        }
    }
}
