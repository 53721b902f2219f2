package io.github.auroraecho.stages;

import io.github.auroraecho.aws.ClusterChange;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RefusedException;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.stages.ModifySteps.Step;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.rds.model.DbClusterRoleAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterRoleQuotaExceededException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.InvalidResourceStateException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

        /** New or clone made the cluster while it was still creating: its instance comes first. */
        record CreateInstance(Copy copy) implements Plan {
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
        Optional<String> problem = copy.problem(managedName, now, config.timing().stuckAfter());
        if (problem.isPresent()) {
            return new Plan.Broken(copy, problem.get());
        }
        if (copy.instances().isEmpty()) {
            return new Plan.CreateInstance(copy);
        }
        return copy.isAvailable() ? new Plan.Modify(copy) : new Plan.Waiting(copy);
    }

    /** The roles by ARN: names with the caller's account and partition, ARNs as given. */
    static List<IamRole> roleArns(List<IamRole> roles, String partition, String account) {
        return roles.stream()
                .map(role -> role.name().startsWith("arn:") ? role
                        : role.withName("arn:" + partition + ":iam::" + account + ":role/" + role.name()))
                .toList();
    }

    @Override
    public Result run(StageContext context, List<Copy> copies) {
        return switch (decide(copies, context.config(), context.now())) {
            case Plan.Nothing() -> context.result(Outcome.NOTHING_TO_DO, "no copy in stage new", null);
            case Plan.Waiting(Copy copy) -> context.result(Outcome.WAITING, PowerSwitch.wake(context, copy,
                    "RDS modifies no stopped cluster", "the next run modifies it once it is available")
                    .orElse("copy " + copy.name() + " is not available yet (" + Statuses.of(copy) + ")"), copy.name());
            case Plan.Modify(Copy copy) -> modify(context, copy);
            case Plan.Broken(Copy copy, String problem) -> BrokenCopy.retire(context, copy, problem);
            case Plan.CreateInstance(Copy copy) -> createInstance(context, copy);
        };
    }

    /** The instance is made with the document's placement, which a modify-only document may leave out. */
    private static Result createInstance(StageContext context, Copy copy) {
        if (context.config().placement().dbInstanceClass() == null) {
            return context.result(Outcome.FAILED, "copy " + copy.name() + " has no instance yet and this document"
                    + " has no dbInstanceClass to create it with: give modify the lifecycle's whole document (as the"
                    + " deployed schedules do), or run new or clone, which resume the copy", copy.name());
        }
        return context.result(Outcome.WAITING, CopyInstance.create(context, copy.name(), copy.clusterStatus(), copy.engine())
                .orElse("created the instance of copy " + copy.name() + "; the next run modifies the copy once it is"
                        + " available"), copy.name());
    }

    /**
     * Takes the copy's steps one after another, reading the copy again after each, until it is modified
     * or RDS is busy with it. A dry run plans every pending step instead, as if each succeeded.
     */
    private Result modify(StageContext context, Copy found) {
        List<IamRole> roles = roleArnsOf(context);
        Step first = ModifySteps.next(found, context.config(), roles);
        if (context.changes().dryRun() && !(first instanceof Step.Wait) && !(first instanceof Step.Refuse)) {
            for (Step step : ModifySteps.pending(found, context.config(), roles)) {
                Optional<Result> stop = take(context, found, step);
                if (stop.isPresent()) {
                    return stop.get();
                }
            }
            throw new IllegalStateException("the last pending step always ends the run");
        }
        Copy copy = found;
        Step step = first;
        while (true) {
            Optional<Result> stop = take(context, copy, step);
            if (stop.isPresent()) {
                return stop.get();
            }
            copy = context.copies().reread(copy).orElseThrow(() -> new RefusedException("copy " + found.name()
                    + " disappeared while it was being modified"));
            Step next = ModifySteps.next(copy, context.config(), roles);
            if (next.equals(step)) {
                // RDS took the call but does not show its effect yet (it may take minutes).
                return context.result(Outcome.WAITING, "RDS does not show the effect of \"" + describe(step)
                        + "\" on copy " + copy.name() + " yet; the next run continues", copy.name());
            }
            step = next;
        }
    }

    /** Takes one step; a result when the run ends with it. */
    private static Optional<Result> take(StageContext context, Copy copy, Step step) {
        return switch (step) {
            case Step.Wait(String why) -> Optional.of(context.result(Outcome.WAITING,
                    why + "; the next run continues", copy.name()));
            case Step.Refuse(String why) -> Optional.of(context.result(Outcome.FAILED, why, copy.name()));
            case Step.AssociateRoles(List<IamRole> roles) -> associateRoles(context, copy, roles);
            case Step.ModifyCluster(ClusterChange change) -> {
                try {
                    context.copies().modifyCluster(copy, change);
                    yield Optional.empty();
                } catch (InvalidDbClusterStateException e) {
                    yield Optional.of(busy(context, copy, e));
                }
            }
            case Step.EnableDataApi() -> {
                try {
                    context.copies().enableHttpEndpoint(copy);
                    yield Optional.empty();
                } catch (InvalidResourceStateException e) {
                    yield Optional.of(busy(context, copy, e));
                }
            }
            case Step.RunSql(int next, String secretArn) -> new SqlRun(context, copy, secretArn).from(next);
            case Step.MarkModified() -> {
                context.copies().setStage(copy, context.managedName(), Stage.MODIFIED,
                        Map.of(TimeTag.MODIFIED, context.now()));
                yield Optional.of(context.result(Outcome.CHANGED, modifiedMessage(context, copy), copy.name()));
            }
        };
    }

    private static Optional<Result> associateRoles(StageContext context, Copy copy, List<IamRole> roles) {
        for (IamRole role : roles) {
            try {
                context.copies().addRole(copy, role);
            } catch (DbClusterRoleAlreadyExistsException e) {
                // Fine when an interrupted or concurrent run associated it after we read the cluster;
                // otherwise RDS refused it (one role per feature name) and the copy must not move on.
                if (!isAssociated(context, copy, role.name())) {
                    throw refusedRole(copy, role, e);
                }
            } catch (DbClusterRoleQuotaExceededException e) {
                // Roles associated by hand besides the document's: RDS allows 5 in all.
                throw refusedRole(copy, role, e);
            } catch (InvalidDbClusterStateException e) {
                // RDS takes one association at a time; the next run adds the rest.
                return Optional.of(busy(context, copy, e));
            }
        }
        return Optional.empty();
    }

    private static RefusedException refusedRole(Copy copy, IamRole role, AwsServiceException e) {
        return new RefusedException("RDS refused to associate role " + role.describe() + " with " + copy.name()
                + ": " + e.awsErrorDetails().errorMessage());
    }

    private static Result busy(StageContext context, Copy copy, AwsServiceException e) {
        return context.result(Outcome.WAITING, "copy " + copy.name() + " is busy ("
                + e.awsErrorDetails().errorMessage() + "); the next run continues", copy.name());
    }

    /** What the operator needs to know: the secret to hand out (its ARN, never a password) and what ran. */
    private static String modifiedMessage(StageContext context, Copy copy) {
        StringBuilder message = new StringBuilder("copy " + copy.name() + " is modified");
        List<IamRole> roles = context.config().modification().iamRoles();
        if (!roles.isEmpty()) {
            message.append("; roles: ").append(String.join(", ", roles.stream().map(IamRole::describe).toList()));
        }
        if (copy.settings().masterUserSecretArn() != null) {
            message.append("; master password in secret ").append(copy.settings().masterUserSecretArn());
        } else if (context.config().modification().manageMasterUserPassword()) {
            message.append("; master password in the secret RDS creates");
        }
        if (!context.config().modification().sqlScripts().isEmpty()) {
            message.append("; ").append(context.config().modification().sqlScripts().size()).append(" SQL statements run");
        }
        return message.toString();
    }

    private static String describe(Step step) {
        return switch (step) {
            case Step.AssociateRoles(List<IamRole> roles) -> "associate roles "
                    + String.join(", ", roles.stream().map(IamRole::describe).toList());
            case Step.ModifyCluster(ClusterChange change) -> "modify cluster settings";
            case Step.EnableDataApi() -> "enable the RDS Data API";
            case Step.RunSql(int next, String secretArn) -> "run SQL statements from " + (next + 1);
            case Step.MarkModified() -> "mark modified";
            case Step.Wait(String why) -> why;
            case Step.Refuse(String why) -> why;
        };
    }

    private static boolean isAssociated(StageContext context, Copy copy, String arn) {
        return context.copies().cluster(copy.name()).stream()
                .anyMatch(cluster -> cluster.associatedRoleArns().contains(arn));
    }

    /** The document's roles as ARNs; STS is asked for the account only when a role is given by name. */
    private static List<IamRole> roleArnsOf(StageContext context) {
        List<IamRole> roles = context.config().modification().iamRoles();
        if (roles.stream().allMatch(role -> role.name().startsWith("arn:"))) {
            return roles;
        }
        GetCallerIdentityResponse caller = context.aws().sts().getCallerIdentity();
        // arn:<partition>:sts::<account>:...: the partition role ARNs must name (aws, aws-cn, aws-us-gov).
        return roleArns(roles, caller.arn().split(":", 3)[1], caller.account());
    }
}
