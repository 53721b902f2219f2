package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What retire may do beyond reading: check the zones, mark a half-moved copy retired, and delete retired copies of
 * this environment (with the final snapshot RDS takes with retire's permissions when a lifecycle asks for one), starting
 * a stopped retired copy first: RDS deletes no stopped cluster that still has instances.
 */
final class RetirePermissions {
    /** The final snapshot retire takes is named after the copy: {@code <copy>-final-<seconds>}. */
    static final String FINAL_SNAPSHOT = "*-????-??-??*-final-*";

    private final PolicyScope scope;
    private final PowerPermissions power;

    RetirePermissions(PolicyScope scope, PowerPermissions power) {
        this.scope = scope;
        this.power = power;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(scope.readZones(configs));
        // A copy whose instance says retired but whose cluster does not yet (a move interrupted between the two
        // calls): retire writes retired on both before deleting.
        statements.add(scope.moveStage("MarkRetired", configs, Stage.RETIRED));
        statements.add(statement("DeleteRetiredInstances", List.of("rds:DeleteDBInstance"),
                scope.copies(configs, "db"), scope.ofThisEnvironment(Stage.RETIRED)));
        statements.add(statement("DeleteRetiredClusters", List.of("rds:DeleteDBCluster"),
                scope.copies(configs, "cluster"), scope.ofThisEnvironment(Stage.RETIRED)));
        statements.add(power.start(configs, Stage.RETIRED));
        List<LifecycleConfig> withSnapshot = configs.stream().filter(c -> c.retirement().finalSnapshot()).toList();
        if (!withSnapshot.isEmpty()) {
            // The final snapshot is a new snapshot named after the copy; the delete itself needs the copy above. RDS
            // makes it with the caller's permissions (CreateDBClusterSnapshot on the copy and the snapshot), and tags
            // it with the copy's tags when the copy copies tags to snapshots.
            statements.add(statement("FinalSnapshotName", List.of("rds:DeleteDBCluster", "rds:CreateDBClusterSnapshot",
                    "rds:AddTagsToResource"), distinct(withSnapshot,
                    c -> List.of(scope.rdsArn(c, "cluster-snapshot", FINAL_SNAPSHOT))), Map.of()));
            statements.add(statement("FinalSnapshotOfRetiredCopies", List.of("rds:CreateDBClusterSnapshot"),
                    scope.copies(withSnapshot, "cluster"), scope.ofThisEnvironment(Stage.RETIRED)));
        }
        List<LifecycleConfig> pruning = configs.stream()
                .filter(c -> c.retirement().finalSnapshotRetentionDays() != null).toList();
        if (!pruning.isEmpty()) {
            // Retire deletes its own final snapshots once kept long enough: only names of the final snapshots of these
            // lifecycles' copies, and only those carrying the tags a retired copy of this environment copied to them.
            // The cluster-snapshot resource takes aws:ResourceTag (Service Authorization Reference, "Actions, resources,
            // and condition keys for Amazon RDS": https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonrds.html).
            // Names in runs, so that each statement fits a managed policy however many lifecycles prune.
            List<List<String>> runs = PolicyScope.runs(distinct(pruning, c -> List.of(scope.rdsArn(c, "cluster-snapshot",
                    c.managedName().toLowerCase(Locale.ROOT) + FINAL_SNAPSHOT.substring(1)))));
            for (int i = 0; i < runs.size(); i++) {
                statements.add(statement(PolicyScope.numbered("DeleteExpiredFinalSnapshots", i + 1),
                        List.of("rds:DeleteDBClusterSnapshot"), runs.get(i), scope.ofThisEnvironment(Stage.RETIRED)));
            }
        }
        return statements;
    }
}
