package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * Creating a copy's instance, and tagging a resource as a new copy: new and clone right after the copy's cluster,
 * modify once the cluster is available when new or clone left it creating ({@code stages.CopyInstance}). The
 * instance is named after the lifecycle it is tagged with, tagged only as a new copy of this environment, and joins
 * only a new copy of this environment.
 */
final class CopyInstancePermissions {
    /** A copy being created: the lifecycle tag of the request. */
    static final String NEW_COPY = "${aws:RequestTag/" + CopyTags.LIFECYCLE + "}-????-??-??*";
    /** The default groups RDS applies when a lifecycle names none: read-only groups AWS owns. */
    static final String DEFAULT_PARAMETER_GROUPS = "default.aurora*";
    static final String DEFAULT_OPTION_GROUPS = "default:aurora*";
    private final PolicyScope scope;

    CopyInstancePermissions(PolicyScope scope) {
        this.scope = scope;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        List<String> instances = distinct(configs, c -> List.of(scope.rdsArn(c, "db", NEW_COPY)));
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(statement("CreateInstances", List.of("rds:CreateDBInstance"), instances,
                Map.of("StringEquals", newCopy())));
        statements.addAll(tagNewCopies("TagNewInstances", configs, instances));
        // An instance joins only a new copy of this environment.
        statements.add(statement("JoinNewCopies", List.of("rds:CreateDBInstance"), scope.copies(configs, "cluster"),
                scope.ofThisEnvironment(Stage.NEW)));
        // The instance joins the copy's cluster (no subnet group of its own): its parameter group and the default
        // option group.
        statements.add(statement("UseInstanceSources", List.of("rds:CreateDBInstance"), distinct(configs, config ->
                List.of(scope.rdsArn(config, "pg", config.placement().dbParameterGroupName() != null
                                ? lower(config.placement().dbParameterGroupName()) : DEFAULT_PARAMETER_GROUPS),
                        scope.rdsArn(config, "og", DEFAULT_OPTION_GROUPS))), Map.of()));
        return statements;
    }

    /** The request's tags of a new copy of this environment. */
    Map<String, Object> newCopy() {
        Map<String, Object> newCopy = new LinkedHashMap<>();
        newCopy.put("aws:RequestTag/" + CopyTags.ENVIRONMENT, scope.environment());
        newCopy.put("aws:RequestTag/" + CopyTags.STAGE, Stage.NEW.tagValue());
        return newCopy;
    }

    /**
     * Tagging a resource as a new copy, on create and of a resource that exists. Aurora User Guide, "Grant
     * permission to tag Aurora resources during creation"
     * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/security_iam_id-based-policy-examples-grant-permissions-tags-on-create.html):
     * "If tags are specified in the create action, RDS performs additional authorization on the
     * rds:AddTagsToResource action", where aws:RequestTag conditions apply. So a copy is created, or an existing
     * resource tagged, only as a copy of one of the lifecycles this role serves, so that a cluster named like a copy
     * of a lifecycle the environment does not have (a hand-made {@code billing-2026-11-02}) can never be made one.
     * The names are listed in runs that fit a statement ({@link PolicyScope#runs}) whatever the number of lifecycles.
     */
    List<PolicyStatement> tagNewCopies(String sid, List<LifecycleConfig> configs, List<String> resources) {
        List<String> names = distinct(configs, c -> List.of(lower(c.managedName())));
        List<PolicyStatement> statements = new ArrayList<>();
        for (List<String> run : PolicyScope.runs(names)) {
            Map<String, Object> ofALifecycle = new LinkedHashMap<>(newCopy());
            ofALifecycle.put("aws:RequestTag/" + CopyTags.LIFECYCLE, run);
            statements.add(statement(PolicyScope.numbered(sid, statements.size() + 1),
                    List.of("rds:AddTagsToResource"), resources, Map.of("StringEquals", ofALifecycle)));
        }
        return statements;
    }

    /** RDS keeps identifiers and group names in lower case, and its ARNs with them. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
