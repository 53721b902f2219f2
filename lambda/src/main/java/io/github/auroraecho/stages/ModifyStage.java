package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awssdk.services.rds.model.DbClusterRoleAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Applies the post-restore settings to the copy in stage {@code new} once it is available, then marks it {@code modified}. */
public final class ModifyStage implements LifecycleStage {

    sealed interface Plan {
        record Nothing() implements Plan {
        }

        record Waiting(Copy copy) implements Plan {
        }

        record Modify(Copy copy) implements Plan {
        }

        record Broken(Copy copy, String problem) implements Plan {
        }
    }

    /** The newest copy in stage new; older ones are stale restores that promote will retire. */
    static Plan decide(List<Copy> copies, LifecycleConfig config, Instant now) {
        String managedName = config.managedName();
        Optional<Copy> newest = copies.stream()
                .filter(copy -> copy.stage(managedName).equals(Optional.of(Stage.NEW)))
                .min(Copy.newestFirst(managedName));
        if (newest.isEmpty()) {
            return new Plan.Nothing();
        }
        Copy copy = newest.get();
        Optional<String> problem = copy.problem(managedName, now, config.stuckAfter());
        if (problem.isPresent()) {
            return new Plan.Broken(copy, problem.get());
        }
        return copy.isAvailable() ? new Plan.Modify(copy) : new Plan.Waiting(copy);
    }

    /** Role ARNs from names (with the caller's account and partition) or taken as given when already ARNs. */
    static List<String> roleArns(List<String> namesOrArns, String partition, String account) {
        return namesOrArns.stream()
                .map(role -> role.startsWith("arn:") ? role : "arn:" + partition + ":iam::" + account + ":role/" + role)
                .toList();
    }

    /** The roles still to associate: those the cluster does not list yet (in any association status). */
    static List<String> missingRoles(Copy copy, List<String> roleArns) {
        return roleArns.stream().filter(arn -> !copy.associatedRoleArns().contains(arn)).toList();
    }

    @Override
    public Result run(StageContext context) {
        return switch (decide(context.copies().list(context.managedName()), context.config(), context.now())) {
            case Plan.Nothing() -> context.result(Outcome.NOTHING_TO_DO, "no copy in stage new", null);
            case Plan.Waiting(Copy copy) -> context.result(Outcome.WAITING, "copy " + copy.name()
                    + " is not available yet (" + Statuses.of(copy) + ")", copy.name());
            case Plan.Modify(Copy copy) -> modify(context, copy);
            case Plan.Broken(Copy copy, String problem) -> BrokenCopy.retire(context, copy, problem);
        };
    }

    private Result modify(StageContext context, Copy copy) {
        List<String> roles = context.config().iamRoleNames();
        if (!roles.isEmpty()) {
            List<String> arns = roles.stream().allMatch(role -> role.startsWith("arn:")) ? roles : callerRoleArns(context, roles);
            for (String arn : missingRoles(copy, arns)) {
                try {
                    context.copies().addRole(copy, arn);
                } catch (DbClusterRoleAlreadyExistsException e) {
                    // Fine when an interrupted or concurrent run associated it after we read the cluster;
                    // otherwise RDS refused it (one role per feature name) and the copy must not move on.
                    if (!isAssociated(context, copy, arn)) {
                        throw new RefusedException("RDS refused to associate role " + arn + " with " + copy.name()
                                + ": " + e.awsErrorDetails().errorMessage());
                    }
                } catch (InvalidDbClusterStateException e) {
                    // RDS takes one association at a time; the next run adds the rest.
                    return context.result(Outcome.WAITING, "copy " + copy.name() + " is busy associating roles ("
                            + e.awsErrorDetails().errorMessage() + "); the next run continues", copy.name());
                }
            }
        }
        context.copies().setStage(copy, context.managedName(), Stage.MODIFIED);
        return context.result(Outcome.CHANGED, "copy " + copy.name() + " is modified"
                + (roles.isEmpty() ? "" : " (roles: " + String.join(", ", roles) + ")"), copy.name());
    }

    private static boolean isAssociated(StageContext context, Copy copy, String arn) {
        return context.copies().findCluster(copy.name()).stream()
                .flatMap(cluster -> cluster.associatedRoles().stream())
                .anyMatch(role -> arn.equals(role.roleArn()));
    }

    private static List<String> callerRoleArns(StageContext context, List<String> roles) {
        GetCallerIdentityResponse caller = context.aws().sts().getCallerIdentity();
        String partition = caller.arn().split(":", 3)[1];
        return roleArns(roles, partition, caller.account());
    }
}
