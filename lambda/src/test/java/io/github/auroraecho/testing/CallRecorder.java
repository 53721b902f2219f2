package io.github.auroraecho.testing;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;

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
    private final List<String> mutatingRequests = new ArrayList<>();
    private final List<String> describedClusters = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        record(operation);
        if (!READ_ONLY.matcher(operation).matches()) {
            synchronized (this) {
                mutatingRequests.add(context.request().toString());
            }
        }
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

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof DescribeDbClustersResponse described) {
            synchronized (this) {
                described.dbClusters().forEach(cluster -> describedClusters.add(cluster.dbClusterIdentifier()));
            }
        }
    }

    /** Every cluster the describe calls returned, once per time it was read: what a run's reads cost. */
    public synchronized List<String> describedClusters() {
        return List.copyOf(describedClusters);
    }

    /** Each SDK call that could change something, with its parameters (which resource it named). */
    public synchronized List<String> mutatingRequests() {
        return List.copyOf(mutatingRequests);
    }

    public synchronized long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    public synchronized void clear() {
        calls.clear();
        mutatingRequests.clear();
        describedClusters.clear();
    }
}
