package io.github.auroraecho.emulator;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boot script's stand-in for a database behind the RDS Data API (the demo's checks): a statement answered
 * through {@link MotoServer#dataApiAnswer} comes back through the SDK as AWS sends a query's rows
 * (ExecuteStatement, https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ExecuteStatement.html);
 * every other statement keeps moto's answer.
 */
@ExtendWith(EmulatorExtension.class)
class DataApiAnswersTest {
    private static final String ORDERS = "SELECT count(*) FROM orders";
    private static final String CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:staging-2026-12-07";

    private static ExecuteStatementResponse execute(TestAccount aws, String sql) {
        // The SDK straight to the emulator: no test-side Data API in between.
        try (AwsClients clients = AwsClients.of(TestAccount.REGION, aws.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of())) {
            return clients.rdsData().executeStatement(r -> r.resourceArn(CLUSTER).secretArn(CLUSTER + "-secret")
                    .database("postgres").sql(sql));
        }
    }

    @Test
    void anAnsweredStatementGetsItsRowsAsTheDataApiSendsThem(TestAccount aws) {
        assertTrue(MotoServer.dataApiAnswer(aws.endpoint(), ORDERS,
                List.of(List.of(1500), Arrays.asList("2026.11", true, 2.5, null))));

        ExecuteStatementResponse answer = execute(aws, ORDERS);

        assertEquals(List.of(List.of(Field.fromLongValue(1500L)), List.of(Field.fromStringValue("2026.11"),
                Field.fromBooleanValue(true), Field.fromDoubleValue(2.5), Field.fromIsNull(true))), answer.records());
        assertEquals(0L, answer.numberOfRecordsUpdated());
        assertTrue(!answer.hasColumnMetadata() && !answer.hasGeneratedFields(), answer.toString());
    }

    @Test
    void theLatestAnswerHoldsAndOtherStatementsKeepMotosAnswer(TestAccount aws) {
        MotoServer.dataApiAnswer(aws.endpoint(), ORDERS, List.of(List.of(1500)));
        MotoServer.dataApiAnswer(aws.endpoint(), ORDERS, List.of(List.of(5)));

        assertEquals(List.of(List.of(Field.fromLongValue(5L))), execute(aws, ORDERS).records());
        assertEquals(List.of(), execute(aws, "SELECT count(*) FROM users").records());
    }

    @Test
    void noRowsOrAResetGiveMotosAnswerBack(TestAccount aws) {
        MotoServer.dataApiAnswer(aws.endpoint(), ORDERS, List.of(List.of(1500)));
        MotoServer.dataApiAnswer(aws.endpoint(), ORDERS, null);
        assertEquals(List.of(), execute(aws, ORDERS).records());

        MotoServer.dataApiAnswer(aws.endpoint(), ORDERS, List.of(List.of(1500)));
        MotoServer.reset(aws.endpoint());
        assertEquals(List.of(), execute(aws, ORDERS).records());
    }
}
