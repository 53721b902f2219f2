package io.github.auroraecho.aws;

import java.util.function.Function;

/**
 * How one run reaches RDS and DNS: each run gets its own, bound to the run's {@link Changes}, so that
 * what it changed (or in a dry run would have) is recorded per run.
 */
public record Gateways(Function<Changes, CopyStore> copies, Function<Changes, CnameRecords> dns) {

    /** The real ones: RDS and Route53 through the SDK clients. */
    public static Gateways of(AwsClients aws) {
        return new Gateways(changes -> new RdsCopies(aws.rds(), aws::tagging, changes), changes -> new Dns(aws::route53, changes));
    }
}
