package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.logs.RetentionDays;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogRetentionTest {
    @Test
    void everyFiniteCdkRetentionHasItsDays() {
        // A CDK upgrade that adds a period shows up here rather than as a refused setting.
        assertEquals(Arrays.stream(RetentionDays.values()).filter(r -> r != RetentionDays.INFINITE).count(),
                LogRetention.acceptedDays().size());
        for (int days : LogRetention.acceptedDays()) {
            assertTrue(LogRetention.accepts(days));
        }
        assertEquals(RetentionDays.ONE_MONTH, LogRetention.of(LogRetention.DEFAULT_DAYS));
        assertEquals(RetentionDays.TEN_YEARS, LogRetention.of(3653));
    }

    @Test
    void otherDaysAreRefused() {
        assertFalse(LogRetention.accepts(10));
        assertFalse(LogRetention.accepts(Integer.MAX_VALUE + 1L));
        assertThrows(IllegalArgumentException.class, () -> LogRetention.of(10));
    }
}
