package io.github.auroraecho.lifecycle;

import java.util.List;
import java.util.Locale;

/**
 * The CNAME records promote points at the copy, one per hosted zone; retire reads them too, so that it
 * never deletes what DNS still points to.
 *
 * @param recordSetName lower case without a final dot, the form Route53 reports names in
 */
public record DnsRecords(List<String> hostedZoneIds, String recordSetName, long ttl, long dnsSyncTimeoutSeconds) {
    public static final long DEFAULT_TTL = 60;
    /**
     * Two days. Route 53 takes up to 2147483647 s (ResourceRecordSet, "TTL ... Valid Range: Minimum value of 0.
     * Maximum value of 2147483647", https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html),
     * but a retired copy must outlive the record's TTL ({@link Retirement#drain}) within retire's longest drain:
     * twice two days is 5760 minutes, under {@link Retirement#MAX_DRAIN_MINUTES}.
     */
    public static final long MAX_TTL = 2 * 24 * 3600;
    public static final long DEFAULT_DNS_SYNC_TIMEOUT_SECONDS = 120;

    public DnsRecords {
        hostedZoneIds = List.copyOf(hostedZoneIds);
    }

    static DnsRecords read(DocumentReader doc) {
        return new DnsRecords(
                doc.strings("hostedZoneIds", 20, Identifiers::isHostedZoneId,
                        "must be a Route53 hosted zone id such as Z0123456789ABC"),
                normalize(doc.string("recordSetName", v -> Identifiers.isDnsName(normalize(v)),
                        "must be a DNS name such as db.staging.example.com")),
                doc.integer("ttl", DEFAULT_TTL, 0, MAX_TTL),
                doc.integer("dnsSyncTimeoutSeconds", DEFAULT_DNS_SYNC_TIMEOUT_SECONDS, 0, 840));
    }

    /** DNS names are case-insensitive; Route53 reports them in lower case, so compare in that form. */
    private static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
