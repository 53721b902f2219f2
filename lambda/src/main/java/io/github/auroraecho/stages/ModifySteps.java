package io.github.auroraecho.stages;

import io.github.auroraecho.aws.ClusterChange;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.DataApiAvailability;
import io.github.auroraecho.lifecycle.IamRole;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Modification;
import io.github.auroraecho.lifecycle.SqlProgress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps modify takes on a copy, decided from what RDS reports about the copy alone, so that a run
 * interrupted anywhere is resumed by the next: roles, cluster settings (managed secret, parameter
 * group, backup retention, deletion protection), the Data API, the SQL scripts, and then the stage.
 */
final class ModifySteps {
    static final String SECRET_ACTIVE = "active";

    sealed interface Step {
        /** RDS is still busy with the copy; the next run continues from here. */
        record Wait(String why) implements Step {
        }

        /** The copy cannot move on without someone's decision. */
        record Refuse(String why) implements Step {
        }

        /** The roles by ARN, each with its feature name where the document gives one. */
        record AssociateRoles(List<IamRole> roles) implements Step {
        }

        record ModifyCluster(ClusterChange change) implements Step {
        }

        record EnableDataApi() implements Step {
        }

        /** Runs the scripts from index {@code next} (0-based) on, signing in with the managed secret. */
        record RunSql(int next, String secretArn) implements Step {
        }

        record MarkModified() implements Step {
        }
    }

    private ModifySteps() {
    }

    /** What to do next with the copy, or why not now. */
    static Step next(Copy copy, LifecycleConfig config, List<IamRole> roles) {
        if (!copy.isAvailable()) {
            return new Step.Wait("copy " + copy.name() + " is not available (" + Statuses.of(copy) + ")");
        }
        Optional<SqlProgress> progress = SqlProgress.of(copy.clusterTags(), config.managedName());
        if (progress.isEmpty() || !progress.get().matches(config.modification().sqlScripts())) {
            return new Step.Refuse("the tag " + SqlProgress.tagKey(config.managedName()) + " of copy " + copy.name()
                    + " records SQL statements that are not the first ones of this document's sqlScripts (\""
                    + copy.clusterTags().get(SqlProgress.tagKey(config.managedName())) + "\"): statements that already "
                    + "ran were changed or removed; restore the statements, or let promote and retire replace this copy");
        }
        String secretStatus = copy.settings().masterUserSecretStatus();
        List<Step> pending = pending(copy, config, roles);
        Step first = pending.get(0);
        if (first instanceof Step.AssociateRoles(List<IamRole> missing)) {
            List<String> refused = missing.stream().filter(role -> role.lacksFeatureFor(copy.engine()))
                    .map(IamRole::name).toList();
            if (!refused.isEmpty()) {
                // Said before the call: RDS would refuse each run the same way, and the copy would never be promoted.
                return new Step.Refuse("RDS requires a feature name to associate a role with an " + copy.engine()
                        + " cluster, and " + (refused.size() == 1 ? "role " + refused.get(0) + " has"
                                : "roles " + String.join(", ", refused) + " have") + " none (copy " + copy.name()
                        + "): give it in iamRoleNames as {\"name\": ..., \"featureName\": \"s3Import\"} with the "
                        + "feature the role is for");
            }
        }
        String version = copy.settings().engineVersion();
        if ((first instanceof Step.EnableDataApi || first instanceof Step.RunSql) && version != null) {
            Optional<String> refusal = DataApiAvailability.versionRefusal(copy.engine(), version);
            if (refusal.isPresent()) {
                return new Step.Refuse("copy " + copy.name() + " cannot run its SQL statements: " + refusal.get()
                        + "; no statement was sent. Restore or clone from a source on a version that has it "
                        + "(or upgrade the copy), or remove sqlScripts");
            }
        }
        boolean needsSecret = first instanceof Step.EnableDataApi || first instanceof Step.RunSql
                || first instanceof Step.MarkModified;
        if (needsSecret && config.modification().manageMasterUserPassword() && !SECRET_ACTIVE.equals(secretStatus)) {
            if ("impaired".equals(secretStatus)) {
                return new Step.Refuse("the managed secret " + copy.settings().masterUserSecretArn() + " of copy "
                        + copy.name() + " is impaired (RDS cannot use its KMS key): fix the key's policy or grants");
            }
            return new Step.Wait("the managed secret of copy " + copy.name() + " is "
                    + (secretStatus == null ? "not there yet" : secretStatus) + ", not active");
        }
        return first;
    }

    /** Every step still to take, in order, as if each succeeds: the next one first, MarkModified last. */
    static List<Step> pending(Copy copy, LifecycleConfig config, List<IamRole> roles) {
        List<Step> steps = new ArrayList<>();
        List<IamRole> missingRoles = roles.stream().filter(role -> !copy.associatedRoleArns().contains(role.name()))
                .toList();
        if (!missingRoles.isEmpty()) {
            steps.add(new Step.AssociateRoles(missingRoles));
        }
        Copy.Settings settings = copy.settings();
        Modification wanted = config.modification();
        String parameterGroup = config.placement().dbClusterParameterGroupName();
        ClusterChange change = new ClusterChange(
                wanted.manageMasterUserPassword() && settings.masterUserSecretArn() == null,
                parameterGroup != null && !parameterGroup.equals(settings.parameterGroup()) ? parameterGroup : null,
                Objects.equals(settings.backupRetentionPeriod(), (int) wanted.backupRetentionPeriod())
                        ? null : wanted.backupRetentionPeriod(),
                copy.deletionProtection());
        if (!change.isEmpty()) {
            steps.add(new Step.ModifyCluster(change));
        }
        int done = SqlProgress.of(copy.clusterTags(), config.managedName()).map(SqlProgress::done).orElse(0);
        boolean runsSql = done < config.modification().sqlScripts().size();
        // Promote runs verify's checks through the Data API: modify, whose role may enable it, turns it on for them.
        if ((runsSql || !config.verification().isEmpty()) && !settings.httpEndpointEnabled()) {
            steps.add(new Step.EnableDataApi());
        }
        if (runsSql) {
            steps.add(new Step.RunSql(done, settings.masterUserSecretArn()));
        }
        steps.add(new Step.MarkModified());
        return steps;
    }
}
