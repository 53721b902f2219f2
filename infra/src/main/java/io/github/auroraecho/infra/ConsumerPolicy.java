package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.constructs.Construct;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The read-only managed policy a lifecycle with {@code "consumerPolicy": true} gets for the people and applications
 * that connect to it: read its connection parameter, and read the secrets RDS manages for its copies and for no other
 * cluster. It lives in the lifecycle's nested stack ({@link LifecycleStacks}), so the environment's stack holds
 * nothing per lifecycle. No statement names a role: whoever administers the consumers attaches it.
 *
 * <p>RDS tags the secret it manages for a cluster with {@code aws:rds:primaryDBClusterArn} ("Password management
 * with Amazon RDS and AWS Secrets Manager", https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html),
 * and Secrets Manager authorizes {@code GetSecretValue} by {@code aws:ResourceTag/${TagKey}} ("Actions, resources,
 * and condition keys for AWS Secrets Manager",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html).
 */
final class ConsumerPolicy {
    static final String ID_SUFFIX = "ConsumerPolicy";

    private ConsumerPolicy() {
    }

    /** The policy's name in IAM: the environment's and the lifecycle's, so an administrator finds it. */
    static String nameOf(String environment, String managedName) {
        return "aurora-echo-" + environment + "-" + managedName + "-consumer";
    }

    static ManagedPolicy create(Construct scope, String environment, LifecycleSchedule lifecycle, String parameterPrefix) {
        Stack stack = Stack.of(scope);
        LifecycleConfig config = lifecycle.configs().values().iterator().next();
        String region = config.region() != null ? config.region() : stack.getRegion();
        String arn = "arn:" + stack.getPartition() + ":%s:" + region + ":" + stack.getAccount() + ":";
        String copies = arn.formatted("rds") + "cluster:" + lifecycle.managedName().toLowerCase(Locale.ROOT) + "-????-??-??*";
        ManagedPolicy policy = ManagedPolicy.Builder.create(scope, lifecycle.managedName() + ID_SUFFIX)
                .managedPolicyName(nameOf(environment, lifecycle.managedName()))
                .description("Read where aurora-echo " + environment + " serves " + lifecycle.managedName()
                        + " and the secret that signs in to it")
                .statements(List.of(
                        PolicyScope.statement("ReadConnectionParameter", List.of("ssm:GetParameter"),
                                List.of(arn.formatted("ssm") + "parameter"
                                        + ConnectionParameterName.of(parameterPrefix, lifecycle.managedName())), Map.of()),
                        PolicyScope.statement("ReadCopySecrets", List.of("secretsmanager:GetSecretValue",
                                        "secretsmanager:DescribeSecret"),
                                List.of(arn.formatted("secretsmanager") + "secret:" + SecureCopyPermissions.MANAGED_SECRET_NAME),
                                Map.of("StringLike", Map.of("aws:ResourceTag/" + SecureCopyPermissions.SECRET_CLUSTER_TAG,
                                        copies)))))
                .build();
        Suppressions.forConsumerPolicy(policy);
        return policy;
    }
}
