package io.github.auroraecho.status;

import io.github.auroraecho.aws.AwsClients;
import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.CnameIndex;
import io.github.auroraecho.aws.RdsCopies;
import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads every lifecycle's copies in one region, with the records that point at them. Read-only: the
 * copies are read through a dry-run {@link Changes}, so not even a bug here could change anything.
 */
public final class StatusReport {
    private StatusReport() {
    }

    /** Every lifecycle's copies, or one lifecycle's when {@code managedName} is given; by lifecycle, newest first. */
    public static List<CopyStatus> read(AwsClients aws, Optional<String> managedName, Instant now) {
        RdsCopies copies = new RdsCopies(aws.rds(), new Changes(true, managedName.orElse("status")));
        List<Copy> found = managedName.map(copies::list).orElseGet(copies::listAllManaged);
        CnameIndex records = CnameIndex.read(aws.route53());
        return found.stream()
                .flatMap(copy -> lifecyclesOf(copy).stream()
                        .filter(name -> managedName.map(name::equals).orElse(true))
                        .map(name -> status(copy, name, records, now)))
                .sorted(Comparator.comparing(CopyStatus::managedName)
                        .thenComparing(Comparator.comparing(CopyStatus::createdAt).thenComparing(CopyStatus::copy).reversed()))
                .toList();
    }

    /** A copy normally belongs to one lifecycle, but nothing stops two from tagging the same cluster. */
    private static TreeSet<String> lifecyclesOf(Copy copy) {
        TreeSet<String> names = new TreeSet<>();
        Stream.concat(copy.clusterTags().keySet().stream(),
                        copy.instances().stream().flatMap(instance -> instance.tags().keySet().stream()))
                .forEach(key -> Stage.managedNameOf(key).ifPresent(names::add));
        return names;
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
                records.pointingAt(copy.endpoints()));
    }
}
