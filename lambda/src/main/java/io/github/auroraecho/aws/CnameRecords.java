package io.github.auroraecho.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records that send clients to a copy: the CNAME promote moves, and every record set of that name,
 * which retire must respect. {@link Dns} is Route53;
 * tests of the stage rules use an in-memory one.
 */
public interface CnameRecords {

    /**
     * What the simple CNAME points to in each zone (empty where there is none), for promote to move, after
     * checking that every zone exists and contains the name. Refuses, touching nothing, a name that holds
     * another type or record sets with a routing policy (weighted, latency, failover, geolocation,
     * multivalue): one simple CNAME beside them would be in conflict.
     */
    Map<String, Optional<String>> targets(List<String> zoneIds, String recordName);

    /**
     * Everything any record set of the name points to, in every zone, in lower case without the final dot:
     * each routing policy, CNAME values and aliases of any type. Retire keeps a copy any of them still serves.
     */
    Set<String> everyTarget(List<String> zoneIds, String recordName);

    /** UPSERTs the CNAME in every zone to the endpoint of {@code copy} and returns the change ids to wait for. */
    List<String> upsert(List<String> zoneIds, String recordName, String copy, String target, long ttl);

    /** Waits, up to the timeout, until every change is in sync; false when the time ran out. */
    boolean waitInSync(List<String> changeIds, Duration timeout);
}
