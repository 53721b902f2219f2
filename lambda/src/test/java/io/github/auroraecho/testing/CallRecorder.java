package io.github.auroraecho.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records every AWS operation the engine calls, as an SDK interceptor, so tests can count calls and prove
 * that none mutated.
 */
public final class CallRecorder implements ExecutionInterceptor {
    private static final Pattern READ_ONLY = Pattern.compile("(Describe|List|Get).*");

    private final List<String> calls = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        record(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    synchronized void record(String operation) {
        calls.add(operation);
    }

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> mutatingCalls() {
        return calls.stream().filter(call -> !READ_ONLY.matcher(call).matches()).toList();
    }

    public synchronized long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    public synchronized void clear() {
        calls.clear();
    }
}
