package io.github.auroraecho.reliability;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.stages.Outcome;
import io.github.auroraecho.stages.Result;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Throttling is retried by the SDK's standard retry mode; a permission error names the action to grant. */
@ExtendWith(EmulatorExtension.class)
class AwsErrorsTest {

    /** Answers the first {@code times} attempts of one RDS operation with an AWS error instead of moto's response. */
    private static final class Fault implements ExecutionInterceptor {
        private final String operation;
        private final int status;
        private final String code;
        private final AtomicInteger left;
        final AtomicInteger attempts = new AtomicInteger();

        Fault(String operation, int status, String code, int times) {
            this.operation = operation;
            this.status = status;
            this.code = code;
            this.left = new AtomicInteger(times);
        }

        private boolean applies(ExecutionAttributes attributes) {
            return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!applies(attributes)) {
                return context.httpResponse();
            }
            attempts.incrementAndGet();
            return left.get() > 0 ? context.httpResponse().toBuilder().statusCode(status).build() : context.httpResponse();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!applies(attributes) || left.getAndDecrement() <= 0) {
                return context.responseBody();
            }
            String body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>User: arn:aws:sts::123456789012:"
                    + "assumed-role/aurora-echo/new is not authorized to perform this operation</Message></Error>"
                    + "<RequestId>fault</RequestId></ErrorResponse>";
            return Optional.of(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void throttlingIsRetriedAndTheRunSucceeds(TestAccount aws) {
        aws.production();
        Fault throttle = new Fault("DescribeDBClusterSnapshots", 400, "Throttling", 2);

        Result result;
        try (AwsClients clients = aws.clientsWith(throttle)) {
            result = aws.run(clients, Operation.NEW, TestAccount.document("staging", "prod", "Z1").toString());
        }

        assertEquals(Outcome.CHANGED, result.outcome(), result.message());
        assertEquals(3, throttle.attempts.get(), "two throttled attempts, then the one that went through");
    }

    @Test
    void aPermissionErrorNamesTheMissingAction(TestAccount aws) {
        aws.production();
        Fault denied = new Fault("RestoreDBClusterFromSnapshot", 403, "AccessDenied", Integer.MAX_VALUE);

        Result result;
        try (AwsClients clients = aws.clientsWith(denied)) {
            result = aws.run(clients, Operation.NEW, TestAccount.document("staging", "prod", "Z1").toString());
        }

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("missing permission rds:RestoreDBClusterFromSnapshot"), result.message());
        assertEquals(1, denied.attempts.get(), "an access error is not retried");
    }

    /** Answers every attempt of one operation with an HTTP status and an empty body, as a load balancer in trouble may. */
    private static final class EmptyAnswer implements ExecutionInterceptor {
        private final String operation;
        private final int status;

        EmptyAnswer(String operation, int status) {
            this.operation = operation;
            this.status = status;
        }

        private boolean applies(ExecutionAttributes attributes) {
            return operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return applies(attributes) ? context.httpResponse().toBuilder().statusCode(status).build() : context.httpResponse();
        }

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            return applies(attributes) ? Optional.of(AbortableInputStream.create(InputStream.nullInputStream()))
                    : context.responseBody();
        }
    }

    @Test
    void aServerErrorWithoutABodyNamesTheCallTheEndpointAndWhatToDo(TestAccount aws) {
        aws.production();

        Result result;
        try (AwsClients clients = aws.clientsWith(new EmptyAnswer("GetResources", 503))) {
            result = aws.run(clients, Operation.NEW, TestAccount.document("staging", "prod", "Z1").toString());
        }

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("tag:GetResources at " + aws.endpoint().toString().replaceAll("/$", "")
                + " answered HTTP 503 with no error code or message"), result.message());
        assertTrue(result.message().contains("run again later"), result.message());
        assertFalse(result.message().contains("null: null"), result.message());
    }

    @Test
    void aConnectionErrorNamesTheCallAndTheHost(TestAccount aws) {
        Result result;
        try (AwsClients clients = AwsClients.of(TestAccount.REGION, java.net.URI.create("http://127.0.0.1:1"),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")), java.util.List.of())) {
            result = new io.github.auroraecho.stages.Engine(clients, aws.clock()).run(Operation.MODIFY,
                    io.github.auroraecho.lifecycle.LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY));
        }

        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.message().startsWith("tag:GetResources could not reach http://127.0.0.1:1: "), result.message());
        assertTrue(result.message().contains("Check the region, the endpoint"), result.message());
    }

    @Test
    void aMissingSourceClusterIsNamedWithItsRegion(TestAccount aws) {
        aws.sourceCluster("prod");

        Result missing = aws.run(Operation.NEW, TestAccount.document("staging", "prodd", "Z1").toString());

        assertEquals(Outcome.FAILED, missing.outcome());
        assertEquals("source cluster prodd does not exist in region us-east-1 (DescribeDBClusters found none): check "
                + "sourceClusterName and region in the document", missing.message());
        assertEquals(List.of(), aws.calls().mutatingCalls());
    }
}
