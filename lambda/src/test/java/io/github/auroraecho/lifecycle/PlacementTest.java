package io.github.auroraecho.lifecycle;

import io.github.auroraecho.testing.BadInputs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
