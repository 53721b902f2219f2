package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS's list of the engine versions and instance classes with the RDS Data API. */
class DataApiAvailabilityTest {

    @Test
    void tClassesHaveNoDataApi() {
        assertFalse(DataApiAvailability.offeredOn("db.t3.medium"));
        assertFalse(DataApiAvailability.offeredOn("db.t4g.large"));
        assertTrue(DataApiAvailability.offeredOn("db.r6g.large"));
        assertTrue(DataApiAvailability.offeredOn("db.serverless"));
    }

    @Test
    void eachPostgresqlMajorVersionHasItsOwnMinimum() {
        for (String offered : new String[] {"13.11", "14.8", "15.3", "15.4", "16.1", "17.4", "18.3", "19.0"}) {
            assertEquals(Optional.empty(), DataApiAvailability.versionRefusal("aurora-postgresql", offered), offered);
        }
        assertEquals(Optional.of("the RDS Data API, which runs sqlScripts, is not offered on aurora-postgresql 14.6; "
                + "AWS offers it from 14.8 on"), DataApiAvailability.versionRefusal("aurora-postgresql", "14.6"));
        assertTrue(DataApiAvailability.versionRefusal("aurora-postgresql", "12.9").orElseThrow().endsWith("from 13.11 on"));
        assertTrue(DataApiAvailability.versionRefusal("aurora-postgresql", "17.2").orElseThrow().endsWith("from 17.4 on"));
    }

    @Test
    void auroraMysqlNeedsVersion3_07() {
        assertEquals(Optional.empty(), DataApiAvailability.versionRefusal("aurora-mysql", "8.0.mysql_aurora.3.07.0"));
        assertEquals(Optional.empty(), DataApiAvailability.versionRefusal(null, "8.0.mysql_aurora.3.08.1"));
        assertTrue(DataApiAvailability.versionRefusal("aurora-mysql", "8.0.mysql_aurora.3.05.2").isPresent());
        assertTrue(DataApiAvailability.versionRefusal(null, "5.7.mysql_aurora.2.11.3").isPresent(),
                "Aurora MySQL 2 has the Data API on Serverless v1 only");
    }

    @Test
    void onlyPostgresql14AndHigherNeedsScram() {
        assertTrue(DataApiAvailability.passwordNote("aurora-postgresql", "14.8").orElseThrow().contains("scram-sha-256"));
        assertEquals(Optional.empty(), DataApiAvailability.passwordNote("aurora-postgresql", "13.11"));
        assertEquals(Optional.empty(), DataApiAvailability.passwordNote("aurora-mysql", "8.0.mysql_aurora.3.07.0"));
    }
}
