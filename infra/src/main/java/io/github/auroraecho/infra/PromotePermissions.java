package io.github.auroraecho.infra;

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

import static io.github.auroraecho.infra.PolicyScope.statement;

/**
 * What promote may do beyond reading: UPSERT each lifecycle's CNAME, in its own zones only, wait for the change, and
 * move the copies (the new one to promoted, the one it replaces to retired); with verify, run the checks on the copy
 * and record their outcome ({@link SecureCopyPermissions#verify}).
 */
final class PromotePermissions {
    private final PolicyScope scope;
    private final SecureCopyPermissions secure;

    PromotePermissions(PolicyScope scope, SecureCopyPermissions secure) {
        this.scope = scope;
        this.secure = secure;
    }

    List<PolicyStatement> statements(List<LifecycleConfig> configs) {
        List<PolicyStatement> statements = new ArrayList<>(pointRecords(configs));
        statements.add(scope.readZones(configs));
        // Change ids are only known once a change is made; GetChange is read-only.
        statements.add(statement("WaitForDnsChange", List.of("route53:GetChange"),
                List.of("arn:" + scope.partition() + ":route53:::change/*"), Map.of()));
        statements.add(scope.moveStage("MoveStage", configs, Stage.PROMOTED, Stage.RETIRED));
        statements.addAll(secure.verify(configs));
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
}
