package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When promote writes the connection parameter: only when it would say something else. */
class ConnectionParameterTest {
    private static final Instant NIGHT = Instant.parse("2026-03-02T06:00:00Z");
    private static final ConnectionParameter WANTED = new ConnectionParameter("db.staging.example.com", 5432,
            "aurora-postgresql", "staging-2026-03-02", "staging-2026-03-02.cluster-x.eu-west-1.rds.amazonaws.com",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-1-AbCdEf",
            "MON-FRI 07:00-20:00 Europe/Berlin (65 of 168 hours a week)", 1440L, NIGHT);

    @Test
    void theValueRoundTripsAndLeavesOutWhatItDoesNotHave() {
        assertEquals(Optional.of(WANTED), ConnectionParameter.parse(WANTED.toJson()));
        ConnectionParameter noSecret = new ConnectionParameter("db", null, "aurora-mysql", "c", "e", null, null, null, NIGHT);
        assertEquals("{\"host\":\"db\",\"engine\":\"aurora-mysql\",\"copy\":\"c\",\"endpoint\":\"e\",\"promotedAt\":\"2026-03-02T06:00:00Z\"}",
                noSecret.toJson());
    }

    @Test
    void theSameTargetWrittenEarlierIsNotWrittenAgain() {
        String earlier = new ConnectionParameter(WANTED.host(), WANTED.port(), WANTED.engine(), WANTED.copy(),
                WANTED.endpoint(), WANTED.secretArn(), WANTED.runningHours(), WANTED.drainMinutes(),
                NIGHT.minusSeconds(86_400)).toJson();
        assertFalse(ConnectionParameter.needsWrite(Optional.of(earlier), WANTED));
    }

    @Test
    void aMissingUnreadableOrDifferentValueIsWritten() {
        assertTrue(ConnectionParameter.needsWrite(Optional.empty(), WANTED));
        assertTrue(ConnectionParameter.needsWrite(Optional.of("not json"), WANTED));
        assertTrue(ConnectionParameter.needsWrite(Optional.of("{\"host\":\"db\"}"), WANTED));
        String otherSecret = new ConnectionParameter(WANTED.host(), WANTED.port(), WANTED.engine(), WANTED.copy(),
                WANTED.endpoint(), null, WANTED.runningHours(), WANTED.drainMinutes(), NIGHT).toJson();
        assertTrue(ConnectionParameter.needsWrite(Optional.of(otherSecret), WANTED));
        // The document's running hours changed, or were taken out: users read them from the parameter.
        String aroundTheClock = new ConnectionParameter(WANTED.host(), WANTED.port(), WANTED.engine(), WANTED.copy(),
                WANTED.endpoint(), WANTED.secretArn(), null, WANTED.drainMinutes(), NIGHT).toJson();
        assertTrue(ConnectionParameter.needsWrite(Optional.of(aroundTheClock), WANTED));
        String shorterDrain = new ConnectionParameter(WANTED.host(), WANTED.port(), WANTED.engine(), WANTED.copy(),
                WANTED.endpoint(), WANTED.secretArn(), WANTED.runningHours(), 30L, NIGHT).toJson();
        assertTrue(ConnectionParameter.needsWrite(Optional.of(shorterDrain), WANTED));
        String otherCopy = new ConnectionParameter(WANTED.host(), WANTED.port(), WANTED.engine(), "staging-2026-03-01",
                WANTED.endpoint(), WANTED.secretArn(), WANTED.runningHours(), WANTED.drainMinutes(), NIGHT).toJson();
        assertTrue(ConnectionParameter.needsWrite(Optional.of(otherCopy), WANTED));
    }
}
