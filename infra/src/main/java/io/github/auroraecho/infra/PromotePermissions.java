package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.RecordNames;
import io.github.auroraecho.lifecycle.Stage;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.auroraecho.infra.PolicyScope.distinct;
import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What promote may do beyond reading: UPSERT each lifecycle's CNAME, in its own zones only, wait for the change, and
 * move the copies (the new one to promoted, the one it replaces to retired); with verify, run the checks on the copy
 * and record their outcome ({@link SecureCopyPermissions#verify}); write the lifecycles' connection parameters; start
 * the new copy when it finds it stopped; stop the copy it retires ({@code stopRetired}) and the copy it serves outside
 * its running hours, for the lifecycles that ask for either.
 */
final class PromotePermissions {
    private final PolicyScope scope;
    private final SecureCopyPermissions secure;
    private final PowerPermissions power;
    private final String parameterPrefix;

    PromotePermissions(PolicyScope scope, SecureCopyPermissions secure, PowerPermissions power, String parameterPrefix) {
        this.scope = scope;
        this.secure = secure;
        this.power = power;
        this.parameterPrefix = parameterPrefix;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>(serve(configs));
        statements.add(scope.moveStage("MoveStage", configs, Stage.PROMOTED, Stage.RETIRED));
        statements.addAll(secure.verify(configs));
        statements.add(power.start(configs, Stage.MODIFIED));
        List<Stage> stopped = new ArrayList<>();
        if (configs.stream().anyMatch(c -> c.stopping().runningHours() != null)) {
            stopped.add(Stage.PROMOTED);
        }
        if (configs.stream().anyMatch(c -> c.stopping().stopRetired())) {
            stopped.add(Stage.RETIRED);
        }
        if (!stopped.isEmpty()) {
            statements.add(power.stop(configs, stopped.toArray(Stage[]::new)));
        }
        return statements;
    }

    /**
     * Serving a copy, as promote and rollback do: UPSERT each lifecycle's CNAME in its own zones, wait for the change,
     * and write the connection parameter.
     */
    List<PolicyStatement> serve(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>(pointRecords(configs));
        statements.add(scope.readZones(configs));
        // Change ids are only known once a change is made; GetChange is read-only.
        statements.add(statement("WaitForDnsChange", List.of("route53:GetChange"),
                List.of("arn:" + scope.partition() + ":route53:::change/*"), Map.of()));
        statements.add(connectionParameters(configs));
        return statements;
    }

    /**
     * One statement per set of zones that share record names (a name may change only in the zones configured for
     * it), with the names in runs that fit a statement ({@link PolicyScope#runs}).
     */
    private List<PolicyStatement> pointRecords(List<LifecycleConfig> configs) {
        Map<List<String>, Set<String>> namesByZones = new LinkedHashMap<>();
        for (LifecycleConfig config : configs) {
            namesByZones.computeIfAbsent(config.dns().hostedZoneIds().stream().distinct().sorted().toList(),
                    zones -> new LinkedHashSet<>()).add(RecordNames.normalized(config.dns().recordSetName()));
        }
        List<PolicyStatement> statements = new ArrayList<>();
        namesByZones.forEach((zones, names) -> {
            for (List<String> run : PolicyScope.runs(List.copyOf(names))) {
                Map<String, Object> onlyTheRecords = new LinkedHashMap<>();
                onlyTheRecords.put("route53:ChangeResourceRecordSetsNormalizedRecordNames", run);
                onlyTheRecords.put("route53:ChangeResourceRecordSetsRecordTypes", List.of("CNAME"));
                onlyTheRecords.put("route53:ChangeResourceRecordSetsActions", List.of("UPSERT"));
                statements.add(statement(PolicyScope.numbered("PointRecords", statements.size() + 1),
                        List.of("route53:ChangeResourceRecordSets"), zones.stream().map(scope::hostedZoneArn).toList(),
                        Map.of("ForAllValues:StringEquals", onlyTheRecords)));
            }
        });
        return statements;
    }

    /**
     * Promote reads and writes the lifecycles' connection parameters and no other: one resource a region for every
     * lifecycle, since each parameter's path carries its lifecycle's name ({@code <prefix>/<managedName>/connection}).
     * A parameter's ARN is {@code parameter} followed by its name ("Actions, resources, and condition keys for AWS
     * Systems Manager", https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html:
     * "arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}").
     */
    private PolicyStatement connectionParameters(List<LifecycleConfig> configs) {
        return statement("ConnectionParameter", List.of("ssm:GetParameter", "ssm:PutParameter"),
                distinct(configs, config -> List.of("arn:" + scope.partition() + ":ssm:" + scope.region(config) + ":"
                        + scope.account() + ":parameter" + ConnectionParameterName.of(parameterPrefix, "*"))), Map.of());
    }
}
