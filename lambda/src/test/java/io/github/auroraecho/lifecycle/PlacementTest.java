package io.github.auroraecho.lifecycle;

import io.github.auroraecho.testing.BadInputs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The placement section's own fields, read from documents. */
class PlacementTest {

    @Test
    void aCopyIsPrivateUnlessTheDocumentSaysPubliclyAccessible() {
        assertFalse(LifecycleConfig.parse(BadInputs.newDoc(""), Operation.NEW).placement().publiclyAccessible());
        assertTrue(LifecycleConfig.parse(BadInputs.newDoc("\"publiclyAccessible\": true"), Operation.NEW)
                .placement().publiclyAccessible());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LifecycleConfig.parse(BadInputs.newDoc("\"publiclyAccessible\": \"yes\""), Operation.NEW));
        assertTrue(e.getMessage().contains("\"publiclyAccessible\""), e.getMessage());
    }

    @Test
    void aRestoreKeepsTheSnapshotsVersionWhileTheEngineIsTheSnapshots() {
        assertEquals("15.4", placement("").engineVersionFor("aurora-postgresql", "15.4"));
        assertEquals("15.4", placement("\"engine\": \"aurora-postgresql\"").engineVersionFor("aurora-postgresql", "15.4"),
                "the same engine named in the document");
        assertNull(placement("\"engine\": \"aurora-mysql\"").engineVersionFor("aurora-postgresql", "15.4"),
                "another engine needs its own version");
        assertEquals("16.1", placement("\"engineVersion\": \"16.1\"").engineVersionFor("aurora-postgresql", "15.4"));
    }

    @Test
    void aMinimumOfZeroAcusMayPauseWithinAwssLimits() {
        ServerlessV2 paused = placement(serverless("\"minCapacity\": 0, \"maxCapacity\": 4, \"secondsUntilAutoPause\": 600"))
                .serverlessV2();
        assertEquals(new ServerlessV2(0, 4, 600), paused);
        assertEquals(new ServerlessV2(0, 4, null), placement(serverless("\"minCapacity\": 0, \"maxCapacity\": 4")).serverlessV2());
        for (String bad : List.of("\"minCapacity\": 0, \"maxCapacity\": 4, \"secondsUntilAutoPause\": 299",
                "\"minCapacity\": 0, \"maxCapacity\": 4, \"secondsUntilAutoPause\": 86401",
                "\"minCapacity\": 0.5, \"maxCapacity\": 4, \"secondsUntilAutoPause\": 600")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> placement(serverless(bad)));
            assertTrue(e.getMessage().contains("\"serverlessV2.secondsUntilAutoPause\""), e.getMessage());
        }
    }

    /** The versions "Scaling to Zero ACUs with automatic pause and resume for Aurora Serverless v2" names. */
    @Test
    void automaticPauseNeedsAVersionThatHasIt() {
        for (String yes : List.of("16.3", "16.4", "15.7", "14.12", "13.15", "17.1")) {
            assertTrue(ServerlessV2.supportsAutoPause("aurora-postgresql", yes), yes);
        }
        for (String no : List.of("16.2", "15.6", "14.11", "13.14", "12.22", "15.4")) {
            assertFalse(ServerlessV2.supportsAutoPause("aurora-postgresql", no), no);
        }
        assertTrue(ServerlessV2.supportsAutoPause("aurora-mysql", "8.0.mysql_aurora.3.08.0"));
        assertTrue(ServerlessV2.supportsAutoPause("aurora-mysql", "8.0.mysql_aurora.3.10.1"));
        assertFalse(ServerlessV2.supportsAutoPause("aurora-mysql", "8.0.mysql_aurora.3.07.1"));
        assertFalse(ServerlessV2.supportsAutoPause("aurora-mysql", "5.7.mysql_aurora.2.12.4"));
        ServerlessV2 zero = new ServerlessV2(0, 4);
        assertTrue(zero.refusalFor("aurora-postgresql", "15.4").orElseThrow().contains("aurora-postgresql 15.4"));
        assertTrue(zero.refusalFor("aurora-postgresql", "15.7").isEmpty());
        assertTrue(new ServerlessV2(0.5, 4).refusalFor("aurora-postgresql", "15.4").isEmpty());
    }

    private static String serverless(String capacities) {
        return "\"serverlessV2\": {" + capacities + "}";
    }

    private static Placement placement(String extra) {
        String doc = BadInputs.newDoc(extra);
        return LifecycleConfig.parse(extra.contains("serverlessV2") ? doc.replace("db.r6g.large", "db.serverless") : doc,
                Operation.NEW).placement();
    }
}
