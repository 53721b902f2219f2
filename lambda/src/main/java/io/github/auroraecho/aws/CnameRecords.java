package io.github.auroraecho.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CNAME records that send clients to the promoted copy, one per hosted zone. {@link Dns} is Route53;
 * tests of the stage rules use an in-memory one.
 */
public interface CnameRecords {

    /**
     * What the record points to in each zone (empty where there is no record), after checking that every
     * zone exists, contains the name, and holds no record of another type under it.
     */
    Map<String, Optional<String>> targets(List<String> zoneIds, String recordName);

    /** UPSERTs the CNAME in every zone and returns the change ids to wait for. */
    List<String> upsert(List<String> zoneIds, String recordName, String target, long ttl, String comment);

    /** Waits, up to the timeout, until every change is in sync; false when the time ran out. */
    boolean waitInSync(List<String> changeIds, Duration timeout);
}
