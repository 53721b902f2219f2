package io.github.auroraecho.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers one operation with the emulator's response minus one XML element (a field AWS left out), so the code
 * meets an answer it does not expect.
 */
public final class AnswerWithout implements ExecutionInterceptor {
    private final String operation;
    private final Pattern element;

    public AnswerWithout(String operation, String element) {
        this.operation = operation;
        this.element = Pattern.compile("<" + element + ">.*?</" + element + ">", Pattern.DOTALL);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        try (InputStream in = context.responseBody().get()) {
            String body = element.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8)).replaceAll("");
            return Optional.of(AbortableInputStream.create(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
