package io.github.auroraecho.status;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.CnameIndex;
import io.github.auroraecho.aws.RdsCopies;
import io.github.auroraecho.aws.Ssm;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import io.github.auroraecho.lifecycle.Verification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lifecycle's copies in one region, with the records that point at them, and what carries a
 * lifecycle's tag without being one of its copies (by the ownership rule every stage applies). Read-only:
 * the copies are read through a dry-run {@link Changes}, so not even a bug here could change anything.
 *
 * @param notCopies      one line per resource tagged for a lifecycle but not one of its copies
 * @param finalSnapshots the final snapshots each lifecycle's retire left, for the lifecycles that have any
 * @param parameters     each lifecycle's connection parameter, by lifecycle
 * @param rollbacks      the copy a rollback of each lifecycle would return to, by lifecycle
 */
public record StatusReport(List<CopyStatus> copies, List<String> notCopies, List<KeptSnapshots> finalSnapshots,
                           List<ParameterStatus> parameters, List<RollbackStatus> rollbacks) {
    public StatusReport {
        copies = List.copyOf(copies);
        notCopies = List.copyOf(notCopies);
        finalSnapshots = List.copyOf(finalSnapshots);
        parameters = List.copyOf(parameters);
        rollbacks = List.copyOf(rollbacks);
    }

    /** Every lifecycle's copies, or one lifecycle's when {@code managedName} is given; by lifecycle, newest first. */
    public static StatusReport read(AwsClients aws, Optional<String> managedName, String parameterPrefix, Instant now) {
        Changes none = new Changes(true, managedName.orElse("status"));
        RdsCopies rds = new RdsCopies(aws.rds(), aws::tagging, none);
        Ssm ssm = new Ssm(aws::ssm, none, parameterPrefix);
        Map<String, Ownership.Found> found = managedName
                .map(name -> Map.of(name, rds.list(new Ownership(name, null))))
                .orElseGet(rds::listAll);
        CnameIndex records = CnameIndex.read(aws.route53());
        List<CopyStatus> copies = new ArrayList<>();
        List<String> notCopies = new ArrayList<>();
        found.forEach((name, lifecycle) -> {
            lifecycle.copies().forEach(copy -> copies.add(status(copy, name, records, now)));
            lifecycle.strays().forEach(stray -> notCopies.add(stray.describe(name)));
        });
        copies.sort(Comparator.comparing(CopyStatus::managedName)
                .thenComparing(Comparator.comparing(CopyStatus::createdAt).thenComparing(CopyStatus::copy).reversed()));
        notCopies.sort(Comparator.naturalOrder());
        List<ParameterStatus> parameters = found.keySet().stream().sorted()
                .map(name -> ParameterStatus.of(name, ssm.name(name), ssm.read(name), copies)).toList();
        // The drain a rollback's target waits out is the one promote last wrote into the lifecycle's parameter.
        List<RollbackStatus> rollbacks = parameters.stream().map(parameter -> RollbackStatus.of(parameter.managedName(),
                found.get(parameter.managedName()).copies(), parameter.drainMinutes())).toList();
        return new StatusReport(copies, notCopies, KeptSnapshots.of(found.keySet(), rds.manualSnapshots()), parameters,
                rollbacks);
    }

    private static CopyStatus status(Copy copy, String managedName, CnameIndex records, Instant now) {
        String key = Stage.tagKey(managedName);
        String instanceStage = copy.instances().stream()
                .filter(instance -> instance.tags().containsKey(key))
                .findFirst()
                .map(instance -> instance.tags().get(key))
                .orElse(null);
        return new CopyStatus(managedName, copy.name(), copy.clusterTags().get(key), instanceStage,
                copy.clusterStatus(),
                copy.instances().stream().map(i -> new CopyStatus.Instance(i.id(), i.status())).toList(),
                copy.createdAt(managedName), copy.age(managedName, now),
                TimeTag.SOURCE_POINT.of(copy.clusterTags(), managedName).map(at -> Duration.between(at, now)).orElse(null),
                records.pointingAt(copy.endpoints()), copy.clusterTags().get(CopyTags.ENVIRONMENT),
                Verification.rejectedBy(copy.clusterTags(), managedName).orElse(null));
    }
}
