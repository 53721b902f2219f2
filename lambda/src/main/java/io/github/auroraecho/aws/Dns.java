package io.github.auroraecho.aws;

import io.github.auroraecho.lifecycle.RefusedException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The {@link CnameRecords} in Route53 hosted zones. */
public final class Dns implements CnameRecords {
    private static final Duration POLL = Duration.ofSeconds(5);
    /** Route53's largest page of record sets. */
    private static final String PAGE = "300";

    /** Built on first use: new, clone and modify never call Route53, and a client costs start-up time. */
    private final Supplier<Route53Client> route53;
    private final Changes changes;

    public Dns(Supplier<Route53Client> route53, Changes changes) {
        this.route53 = route53;
        this.changes = changes;
    }

    @Override
    public Map<String, Optional<String>> targets(List<String> zoneIds, String recordName) {
        Map<String, Optional<String>> targets = new LinkedHashMap<>();
        for (String zoneId : zoneIds) {
            List<ResourceRecordSet> sets = recordSets(zoneId, recordName);
            List<String> routed = sets.stream().filter(set -> set.setIdentifier() != null)
                    .map(set -> set.typeAsString() + " " + set.setIdentifier()).toList();
            if (!routed.isEmpty()) {
                throw new RefusedException("hosted zone " + zoneId + " has record sets of " + recordName
                        + " with a routing policy (" + String.join(", ", routed) + "); promote writes one simple CNAME"
                        + " and will not leave it in conflict with them: remove them, or point the name yourself");
            }
            Optional<ResourceRecordSet> other = sets.stream().filter(set -> set.type() != RRType.CNAME).findFirst();
            if (other.isPresent()) {
                throw new RefusedException("hosted zone " + zoneId + " has a " + other.get().typeAsString() + " record "
                        + recordName + "; only a CNAME is managed, so it is left as it is");
            }
            targets.put(zoneId, sets.stream().findFirst().flatMap(Dns::pointsTo));
        }
        return targets;
    }

    @Override
    public Set<String> everyTarget(List<String> zoneIds, String recordName) {
        Set<String> all = new TreeSet<>();
        for (String zoneId : zoneIds) {
            for (ResourceRecordSet set : recordSets(zoneId, recordName)) {
                if (set.aliasTarget() != null) {
                    all.add(normalize(set.aliasTarget().dnsName()));
                }
                set.resourceRecords().forEach(record -> all.add(normalize(record.value())));
            }
        }
        return all;
    }

    /**
     * Every record set of the name in the zone, after checking that the zone exists and contains the name.
     * Sets that share a name (one per type, and per identifier under a routing policy) are listed together
     * from the name on, across pages; the listing stops at the first set of another name.
     */
    private List<ResourceRecordSet> recordSets(String zoneId, String recordName) {
        String zoneName;
        try {
            zoneName = normalize(route53.get().getHostedZone(r -> r.id(zoneId)).hostedZone().name());
        } catch (NoSuchHostedZoneException e) {
            throw new RefusedException("hosted zone " + zoneId + " does not exist");
        }
        if (!recordName.equals(zoneName) && !recordName.endsWith("." + zoneName)) {
            throw new RefusedException("record " + recordName + " is not inside hosted zone " + zoneId
                    + " (" + zoneName + ")");
        }
        List<ResourceRecordSet> sets = new ArrayList<>();
        for (ResourceRecordSet set : route53.get().listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)
                .startRecordName(recordName).maxItems(PAGE)).resourceRecordSets()) {
            if (!normalize(set.name()).equals(recordName)) {
                break;
            }
            sets.add(set);
        }
        return sets;
    }

    private static Optional<String> pointsTo(ResourceRecordSet set) {
        if (set.aliasTarget() != null) {
            return Optional.of(normalize(set.aliasTarget().dnsName()));
        }
        return set.resourceRecords().stream().findFirst().map(record -> normalize(record.value()));
    }

    @Override
    public List<String> upsert(List<String> zoneIds, String recordName, String copy, String target, long ttl) {
        String comment = "aurora-echo: promote " + copy + " for " + changes.managedName();
        List<String> changeIds = new ArrayList<>();
        for (String zoneId : zoneIds) {
            changes.apply("upsert CNAME " + recordName + " -> " + target + " (ttl " + ttl + ") in zone " + zoneId,
                    () -> {
                        var response = route53.get().changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
                                .changeBatch(batch -> batch.comment(comment).changes(change -> change
                                        .action(ChangeAction.UPSERT)
                                        .resourceRecordSet(set -> set.name(recordName).type(RRType.CNAME).ttl(ttl)
                                                .resourceRecords(record -> record.value(target))))));
                        changeIds.add(response.changeInfo().id());
                        return response;
                    }, "copy", copy, "zone", zoneId, "record", recordName, "target", target);
        }
        return changeIds;
    }

    @Override
    public boolean waitInSync(List<String> changeIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> pending = new ArrayList<>(changeIds);
        while (true) {
            pending.removeIf(id -> route53.get().getChange(r -> r.id(id)).changeInfo().status() == ChangeStatus.INSYNC);
            if (pending.isEmpty()) {
                return true;
            }
            if (Instant.now().plus(POLL).isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Route53's form of a name (final dot, escaped '*', any case) to the document's. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
