package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SSM's parameter name rules for the prefix, checked before any AWS call. */
class ConnectionParameterNameTest {

    @Test
    void theParameterIsThePrefixTheManagedNameAndConnection() {
        assertEquals("/aurora-echo/staging/connection", ConnectionParameterName.of(ConnectionParameterName.DEFAULT_PREFIX, "staging"));
        assertEquals("/team_a/db.copies/staging/connection", ConnectionParameterName.of(
                ConnectionParameterName.checkPrefix("/team_a/db.copies", "parameterPrefix"), "staging"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "aurora-echo", "/aurora-echo/", "/aurora echo", "/a//b", "/aurora$echo",
            "/aws/echo", "/AWSecho", "/ssm", "/Ssm-copies", "/1/2/3/4/5/6/7/8/9/10/11/12/13/14"})
    void aPrefixSsmWouldRefuseIsRefusedNamingTheField(String prefix) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ConnectionParameterName.checkPrefix(prefix, "parameterPrefix"));
        assertTrue(refused.getMessage().startsWith("parameterPrefix: "), refused.getMessage());
    }

    @Test
    void thirteenLevelsAreTheMostAPrefixMayHave() {
        ConnectionParameterName.checkPrefix("/1/2/3/4/5/6/7/8/9/10/11/12/13", "parameterPrefix");
    }

    @Test
    void aPrefixTooLongForTheLongestManagedNameIsRefused() {
        String fits = "/" + "p".repeat(ConnectionParameterName.MAX_NAME - 1 - 52 - "/connection".length() - 1);
        ConnectionParameterName.checkPrefix(fits, "parameterPrefix");
        assertEquals(ConnectionParameterName.MAX_NAME, ConnectionParameterName.of(fits, "x".repeat(52)).length());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ConnectionParameterName.checkPrefix(fits + "p", "parameterPrefix"));
        assertTrue(refused.getMessage().contains("1011"), refused.getMessage());
    }
}
