package io.github.auroraecho.lambda;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

/** Priming's sample document must stay valid for every stage, or SnapStart and the AppCDS training break. */
class PrimingTest {
    @Test
    void runsEveryStageOffline() {
        assertDoesNotThrow(Priming::run);
    }
}
