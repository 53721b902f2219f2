package io.github.auroraecho.stages;

import io.github.auroraecho.stages.DataApiErrors.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Data API's errors as its reference describes them: the statement's, not yet, or a refused call. */
class DataApiErrorsTest {

    @Test
    void onlyTheDatabasesOwnErrorBlamesTheStatement() {
        assertEquals(Kind.STATEMENT, DataApiErrors.of("DatabaseErrorException", "ERROR: relation \"x\" does not exist"));
        assertEquals(Kind.REFUSED, DataApiErrors.of("BadRequestException", "Data API isn't supported on T DB instance classes"));
        assertEquals(Kind.REFUSED, DataApiErrors.of("AccessDeniedException", "not authorized"));
        assertEquals(Kind.REFUSED, DataApiErrors.of("SecretsErrorException", "secret not found"));
    }

    @Test
    void anEndpointNotEnabledYetIsWaitedForInEitherForm() {
        assertEquals(Kind.NOT_YET, DataApiErrors.of("HttpEndpointNotEnabledException", "HTTP endpoint not enabled"));
        assertEquals(Kind.NOT_YET, DataApiErrors.of("BadRequestException",
                "HttpEndpoint is not enabled for cluster staging-2026-11-25. Please refer to https://docs.aws.amazon.com/..."));
        assertEquals(Kind.NOT_YET, DataApiErrors.of("DatabaseResumingException", "resuming"));
    }

    @Test
    void aRefusalSaysWhatToDoWhereAwsDocumentsIt() {
        assertTrue(DataApiErrors.hint("BadRequestException", "not supported for this DB instance class", "aurora-postgresql", "15.4")
                .contains("T DB instance classes"));
        assertTrue(DataApiErrors.hint("AccessDeniedException", "denied", "aurora-postgresql", "15.4").contains("rds-data:"));
        assertTrue(DataApiErrors.hint("BadRequestException", "password authentication failed for user", "aurora-postgresql", "15.4")
                .contains("scram-sha-256"));
        assertEquals("", DataApiErrors.hint("BadRequestException", "password authentication failed for user", "aurora-postgresql", "13.11"),
                "before 14 the Data API signs in with md5 too");
    }
}
