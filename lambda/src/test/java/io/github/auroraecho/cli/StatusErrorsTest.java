package io.github.auroraecho.cli;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status's failures say what was asked of which endpoint and what to do, as a stage's do. */
@ExtendWith(EmulatorExtension.class)
class StatusErrorsTest {

    @Test
    void aRegionOfTheWrongFormIsBadInputAsInAStage(TestAccount aws) {
        CliRun status = CliRun.of(aws, "", "status", "-r", "eu-west1");
        CliRun stage = CliRun.of(aws, "", "modify", "-n", "staging", "-r", "eu-west1");

        assertEquals(2, status.exit(), status.err());
        assertEquals("aurora-echo: -r \"eu-west1\" must be an AWS region such as eu-west-1", status.err().strip());
        assertEquals(0, status.clientsMade(), "no client, no call");
        assertEquals(2, stage.exit(), stage.err());
        assertTrue(stage.err().contains("must be an AWS region such as eu-west-1"), stage.err());
    }

    @Test
    void aConnectionErrorNamesTheCallAndTheHost(TestAccount aws) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main main = new Main(InputStream.nullInputStream(), new PrintStream(OutputStreamSink.INSTANCE),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (region, endpoint, credentials) -> AwsClients.of(region, endpoint,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), List.of()), aws.clock());

        int exit = main.run(new String[] {"status", "-r", "us-east-1", "--endpoint", "http://127.0.0.1:1"});

        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, said);
        assertTrue(said.startsWith("aurora-echo: tag:GetResources could not reach http://127.0.0.1:1: "), said);
        assertTrue(said.contains("Check the region, the endpoint"), said);
    }

    @Test
    void aServerErrorWithoutABodyIsSaidInWords(TestAccount aws) {
        ExecutionInterceptor unavailable = new ExecutionInterceptor() {
            private boolean applies(ExecutionAttributes attributes) {
                return "GetResources".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }

            @Override
            public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                return applies(attributes) ? context.httpResponse().toBuilder().statusCode(503).build() : context.httpResponse();
            }

            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                return applies(attributes) ? Optional.of(AbortableInputStream.create(new ByteArrayInputStream(new byte[0])))
                        : context.responseBody();
            }
        };

        CliRun run = CliRun.with(aws, List.of(unavailable), "", "status", "-r", "us-east-1");

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().startsWith("aurora-echo: tag:GetResources at http://"), run.err());
        assertTrue(run.err().contains("answered HTTP 503 with no error code or message"), run.err());
        assertFalse(run.err().contains("null: null"), run.err());
    }

    /** Discards what is written. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }
    }
}
