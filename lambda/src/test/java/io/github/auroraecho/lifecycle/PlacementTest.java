package io.github.auroraecho.lifecycle;

import io.github.auroraecho.testing.BadInputs;
import org.junit.jupiter.api.Test;

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

    private static Placement placement(String extra) {
        return LifecycleConfig.parse(BadInputs.newDoc(extra), Operation.NEW).placement();
    }
}
