package io.github.auroraecho.aws;

import java.util.function.Function;

/**
 * How one run reaches RDS, DNS and the connection parameters: each run gets its own, bound to the run's {@link Changes}, so that
 * what it changed (or in a dry run would have) is recorded per run.
 */
public record Gateways(Function<Changes, CopyStore> copies, Function<Changes, CnameRecords> dns,
                       Function<Changes, ConnectionParameters> parameters) {

    /** The real ones: RDS, Route53 and SSM through the SDK clients, the parameters under {@code parameterPrefix}. */
    public static Gateways of(AwsClients aws, String parameterPrefix) {
        return new Gateways(changes -> new RdsCopies(aws.rds(), aws::tagging, changes), changes -> new Dns(aws::route53, changes),
                changes -> new Ssm(aws::ssm, changes, parameterPrefix));
    }
}
