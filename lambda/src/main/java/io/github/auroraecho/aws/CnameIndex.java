package io.github.auroraecho.aws;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every CNAME record of every hosted zone the caller can see, by the name it points to: how status finds
 * what DNS sends to a copy without knowing the lifecycle's document. One ListHostedZones (paginated) and
 * one ListResourceRecordSets per zone (paginated), so the cost grows with the zones and their records.
 */
public final class CnameIndex {
    /** One record pointing at a target. */
    public record Record(String zoneId, String name) {
    }

    private final Map<String, List<Record>> byTarget;

    private CnameIndex(Map<String, List<Record>> byTarget) {
        this.byTarget = byTarget;
    }

    public static CnameIndex read(Route53Client route53) {
        Map<String, List<Record>> byTarget = new HashMap<>();
        for (HostedZone zone : route53.listHostedZonesPaginator().hostedZones()) {
            String zoneId = zone.id().substring(zone.id().lastIndexOf('/') + 1);
            for (ResourceRecordSet set : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                    .resourceRecordSets()) {
                if (set.type() != RRType.CNAME) {
                    continue;
                }
                Record record = new Record(zoneId, Dns.normalize(set.name()));
                set.resourceRecords().forEach(value -> byTarget
                        .computeIfAbsent(Dns.normalize(value.value()), k -> new ArrayList<>()).add(record));
            }
        }
        return new CnameIndex(Map.copyOf(byTarget));
    }

    /** The records pointing at any of these names (a copy's endpoints), each once, in a stable order. */
    public List<Record> pointingAt(List<String> targets) {
        return targets.stream()
                .map(target -> byTarget.getOrDefault(Dns.normalize(target), List.of()))
                .flatMap(List::stream)
                .distinct()
                .sorted(java.util.Comparator.comparing(Record::name).thenComparing(Record::zoneId))
                .toList();
    }
}
