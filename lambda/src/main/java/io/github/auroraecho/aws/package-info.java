/**
 * The gateways to AWS: every call goes through the SDK's own clients built once in
 * {@link io.github.auroraecho.aws.AwsClients}, and every change through {@link io.github.auroraecho.aws.Changes}.
 * The stages see RDS and Route53 through {@link io.github.auroraecho.aws.CopyStore} and
 * {@link io.github.auroraecho.aws.CnameRecords}, in the model's terms.
 *
 * <p>May use: {@code lifecycle}.
 */
package io.github.auroraecho.aws;
