package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.List;

/**
 * Every cdk-nag AwsSolutions finding this stack accepts, each with the reason it is acceptable. Wildcard resources
 * are accepted only in the exact forms {@link StagePermissions} writes; any other wildcard stays an error.
 */
final class Suppressions {
    /** A region or account: a literal or an unresolved pseudo parameter as cdk-nag prints it. */
    private static final String SEGMENT = "(?:<AWS::[A-Za-z]+>|[a-z0-9-]+)";
    private static final String RDS_ARN = "^Resource::arn:" + SEGMENT + ":rds:" + SEGMENT + ":" + SEGMENT + ":";
    /** A copy: named after its own lifecycle tag, see {@link PolicyScope#COPY} (cdk-nag prints ${x} as <x>). */
    private static final String COPIES = "<aws:(?:Resource|Request)Tag/aurora-echo:lifecycle>-\\?\\?\\?\\?-\\?\\?-\\?\\?\\*$";

    private Suppressions() {
    }

    static void forStageRole(Operation operation, IConstruct role) {
        List<NagPackSuppression> suppressions = new ArrayList<>();
        suppressions.add(iam5("RDS Describe* calls are read-only and are called with filters over all "
                + "clusters, instances and snapshots (a stage must see every copy of its lifecycle and the source to "
                + "decide); these list calls do not support resource-level scoping, nor does the Resource Groups "
                + "Tagging API's read-only tag:GetResources (only *), which finds the lifecycle's copies by tag. "
                + "No mutating action has a * resource.", "Resource::*"));
        suppressions.add(iam5Regex("Copies are named <lifecycle>-YYYY-MM-DD[-suffix] and do not exist before a "
                + "run: the ARN pattern allows only names that start with the copy's own aurora-echo:lifecycle tag, "
                + "and every statement on it also requires this environment's tag (aws:RequestTag on create, "
                + "aws:ResourceTag otherwise; modify only in stage new, deletes only in stage retired, stop and start "
                + "only in the stages whose copies that function stops or starts). One policy "
                + "covers any number of lifecycles.", RDS_ARN + "(?:cluster|db):" + COPIES));
        if (operation == Operation.NEW) {
            suppressions.add(iam5Regex("Restoring reads the source cluster's newest snapshot, whose name is not "
                    + "known in advance (manual snapshot names are free-form, automated ones are rds:<cluster>-<date>). "
                    + "Only RestoreDBClusterFromSnapshot is allowed on it, which does not change the snapshot; the "
                    + "restored cluster must still match the lifecycle's name and tag.",
                    RDS_ARN + "cluster-snapshot:\\*$"));
        }
        if (operation == Operation.NEW || operation == Operation.CLONE || operation == Operation.MODIFY) {
            // Modify creates the instance of a copy that new or clone left creating (stages.CopyInstance).
            suppressions.add(iam5Regex("RDS authorizes the default parameter and option groups it applies when a "
                    + "lifecycle names none (default.<family>, default:<engine>-<major>); the family comes from the "
                    + "snapshot's or source's engine version, unknown at synth time. Default groups are owned by AWS "
                    + "and cannot be changed; only the restore and CreateDBInstance calls may use them.",
                    RDS_ARN + "(?:cluster-pg|pg):default\\.aurora\\*$|" + RDS_ARN + "og:default:aurora\\*$"));
        }
        if (operation == Operation.NEW || operation == Operation.CLONE) {
            suppressions.add(iam5Regex("A kmsKeyId given as an alias names no key: the statements allow the keys "
                    + "that carry that alias (kms:ResourceAliases), only through RDS (kms:ViaService), and grants "
                    + "only for AWS resources.", "^Resource::arn:" + SEGMENT + ":kms:" + SEGMENT + ":" + SEGMENT
                    + ":key/\\*$"));
        }
        if (operation == Operation.MODIFY) {
            suppressions.add(iam5Regex("RDS names the secret it creates for a copy's master password "
                    + "rds!cluster-<uuid>, unknown before modify runs; creating and tagging it is allowed only when "
                    + "RDS calls with the role's credentials (aws:CalledVia rds.amazonaws.com), and reading only the "
                    + "secrets tagged with this lifecycle's copies (aws:rds:primaryDBClusterArn).",
                    "^Resource::arn:" + SEGMENT + ":secretsmanager:" + SEGMENT + ":" + SEGMENT
                            + ":secret:rds!cluster-\\*$"));
            suppressions.add(iam5Regex("RDS describes the AWS managed key aws/secretsmanager, whose key id differs "
                    + "in every account and region, when it creates a copy's secret: kms:DescribeKey only, only through "
                    + "RDS (kms:ViaService), only on the key that carries that alias (kms:ResourceAliases).",
                    "^Resource::arn:" + SEGMENT + ":kms:" + SEGMENT + ":" + SEGMENT + ":key/\\*$"));
        }
        if (operation == Operation.RETIRE) {
            suppressions.add(iam5Regex("The final snapshot of a retired copy is a new snapshot named after the copy "
                    + "(<copy>-final-<seconds>); only DeleteDBCluster may name it, RDS creates and tags it with the "
                    + "caller's permissions, and the delete itself needs a retired copy of this environment.", RDS_ARN + "cluster-snapshot:\\*-\\?\\?\\?\\?-\\?\\?-\\?\\?\\*-final-\\*$"));
            suppressions.add(iam5Regex("A lifecycle with finalSnapshotRetentionDays deletes its own final snapshots "
                    + "once kept that long: DeleteDBClusterSnapshot only, only on the final snapshot names of that "
                    + "lifecycle's copies (<lifecycle>-YYYY-MM-DD[-suffix]-final-<seconds>), only when they carry the "
                    + "tags a retired copy of this environment copied to them (aws:ResourceTag).",
                    RDS_ARN + "cluster-snapshot:[a-z][a-z0-9-]*-\\?\\?\\?\\?-\\?\\?-\\?\\?\\*-final-\\*$"));
        }
        if (operation == Operation.PROMOTE || operation == Operation.ROLLBACK) {
            suppressions.add(iam5Regex("route53:GetChange is read-only and the change id is only known once the "
                    + "change is made; promote and rollback poll it until INSYNC.",
                    "^Resource::arn:" + SEGMENT + ":route53:::change/\\*$"));
            suppressions.add(iam5Regex("Each lifecycle's connection parameter is <prefix>/<managedName>/connection: "
                    + "the * stands for the lifecycle's name, so one resource covers every lifecycle, and only "
                    + "parameters named connection under this environment's prefix match.",
                    "^Resource::arn:" + SEGMENT + ":ssm:" + SEGMENT + ":" + SEGMENT + ":parameter/[A-Za-z0-9_./-]+/\\*/connection$"));
        }
        NagSuppressions.addResourceSuppressions(role, suppressions, true);
    }

    /** A lifecycle's consumer policy ({@link ConsumerPolicy}): the secrets RDS names at each copy's modify. */
    static void forConsumerPolicy(IConstruct policy) {
        NagSuppressions.addResourceSuppressions(policy, List.of(iam5Regex("RDS names the secret it manages for each "
                + "copy rds!cluster-<uuid>, unknown before the copy exists; reading is limited to the secrets RDS tagged "
                + "with this lifecycle's copies (aws:rds:primaryDBClusterArn).", "^Resource::arn:" + SEGMENT
                + ":secretsmanager:" + SEGMENT + ":" + SEGMENT + ":secret:rds!cluster-\\*$")), true);
    }

    static void forStageFunction(Function function) {
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("The functions run on Java 21 by design (the jar is compiled with --release 21, see the "
                        + "parent pom and design.md); moving to a newer Java runtime is a deliberate change made "
                        + "together with the lambda module and its SnapStart testing.")
                .build()), true);
    }

    static void forDeadLetterQueue(IQueue queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-SQS3")
                .reason("This queue is itself a dead-letter queue: the DLQ of the EventBridge Scheduler targets of "
                        + "one stage (cdk-nag only recognises queues used as another queue's redrive target). Its "
                        + "messages raise an alarm.")
                .build()), true);
    }

    private static NagPackSuppression iam5(String reason, String appliesTo) {
        return NagPackSuppression.builder().id("AwsSolutions-IAM5").reason(reason)
                .appliesTo(List.of(appliesTo)).build();
    }

    private static NagPackSuppression iam5Regex(String reason, String regex) {
        return NagPackSuppression.builder().id("AwsSolutions-IAM5").reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/" + regex + "/").build())).build();
    }
}
