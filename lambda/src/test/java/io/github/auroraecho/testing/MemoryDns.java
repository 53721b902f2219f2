package io.github.auroraecho.testing;

import io.github.auroraecho.aws.Changes;
import io.github.auroraecho.aws.CnameRecords;
import io.github.auroraecho.lifecycle.RefusedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Route53's CNAME records in memory, every change in sync at once (as on the emulator). */
public final class MemoryDns {
    /** Zone id to its records: record name to CNAME target. */
    private final Map<String, Map<String, String>> zones = new LinkedHashMap<>();
    private final List<String> writes = new ArrayList<>();

    public String zone(String id) {
        zones.put(id, new LinkedHashMap<>());
        return id;
    }

    public Optional<String> cname(String zoneId, String name) {
        return Optional.ofNullable(zones.get(zoneId).get(name));
    }

    public List<String> writes() {
        return List.copyOf(writes);
    }

    public CnameRecords records(Changes changes) {
        return new CnameRecords() {
            @Override
            public Map<String, Optional<String>> targets(List<String> zoneIds, String recordName) {
                Map<String, Optional<String>> targets = new LinkedHashMap<>();
                for (String zoneId : zoneIds) {
                    if (!zones.containsKey(zoneId)) {
                        throw new RefusedException("hosted zone " + zoneId + " does not exist");
                    }
                    targets.put(zoneId, cname(zoneId, recordName));
                }
                return targets;
            }

            @Override
            public Set<String> everyTarget(List<String> zoneIds, String recordName) {
                Set<String> all = new TreeSet<>();
                targets(zoneIds, recordName).values().forEach(target -> target.ifPresent(all::add));
                return all;
            }

            @Override
            public List<String> upsert(List<String> zoneIds, String recordName, String copy, String target, long ttl) {
                for (String zoneId : zoneIds) {
                    String description = "upsert CNAME " + recordName + " -> " + target + " in zone " + zoneId;
                    changes.applyByHand(description, () -> {
                        zones.get(zoneId).put(recordName, target);
                        writes.add(description);
                        return "memory-dns-" + writes.size();
                    });
                }
                return zoneIds.stream().map(zone -> "change-" + zone).toList();
            }

            @Override
            public boolean waitInSync(List<String> changeIds, Duration timeout) {
                return true;
            }
        };
    }
}
