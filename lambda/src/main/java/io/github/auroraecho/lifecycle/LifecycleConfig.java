package io.github.auroraecho.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One lifecycle document: the same JSON drives every stage's schedule, the console's Test button and
 * the CLI. The document is flat; its fields are grouped here in sections, each of which reads its own
 * fields. Built from input only by {@link #parse}, which rejects anything that would send bad input to AWS.
 */
public record LifecycleConfig(
        String managedName,
        String region,
        boolean dryRun,
        CopySource source,
        Placement placement,
        Labels labels,
        Timing timing,
        Modification modification,
        DnsRecords dns,
        Retirement retirement,
        Verification verification,
        Stopping stopping) {

    /**
     * Parses a lifecycle document, or an EventBridge event whose {@code detail} is one, for an operation:
     * every known field is type-checked whatever the operation, and the operation's own fields are required.
     */
    public static LifecycleConfig parse(String json, Operation operation) {
        return fromJson(unwrapEvent(StrictJson.readTree(json, "the document")), operation);
    }

    /** Accepts the document itself or an EventBridge event ({@code source}, {@code detail-type}, {@code detail}). */
    private static JsonNode unwrapEvent(JsonNode root) {
        if (root.isObject() && root.has("detail-type")) {
            JsonNode detail = root.get("detail");
            if (detail == null || !detail.isObject()) {
                throw new InvalidInputException("field \"detail\" of the EventBridge event must be the lifecycle "
                        + "document (an object), not " + FieldMessages.describe(detail));
            }
            return detail;
        }
        return root;
    }

    static LifecycleConfig fromJson(JsonNode node, Operation operation) {
        DocumentReader doc = new DocumentReader(node, "");
        LifecycleConfig config = read(doc);
        doc.rejectUnread();
        LifecycleRules.check(config, operation);
        return config;
    }

    /** Every field, each section reading its own; what is not given takes its default. */
    private static LifecycleConfig read(DocumentReader doc) {
        return new LifecycleConfig(
                ManagedName.read(doc),
                doc.string("region", Identifiers::isRegion, "must be an AWS region such as eu-west-1"),
                doc.bool("dryRun", false),
                CopySource.read(doc),
                Placement.read(doc),
                Labels.read(doc),
                Timing.read(doc),
                Modification.read(doc),
                DnsRecords.read(doc),
                Retirement.read(doc),
                Verification.read(doc),
                Stopping.read(doc));
    }

    public static Builder builder(String managedName) {
        return new Builder(managedName);
    }

    public Builder toBuilder() {
        return new Builder(managedName).region(region).dryRun(dryRun).source(source).placement(placement)
                .labels(labels).timing(timing).modification(modification).dns(dns).retirement(retirement)
                .verification(verification).stopping(stopping);
    }

    public LifecycleConfig asDryRun() {
        return toBuilder().dryRun(true).build();
    }

    /** How long a retired copy stays before retire deletes it. */
    public java.time.Duration drain() {
        return retirement.drain(dns.ttl());
    }

    public String stageTagKey() {
        return Stage.tagKey(managedName);
    }

    /**
     * Builds a configuration in code (tests, a dry-run variant); sections not set are those of a document
     * that leaves their fields out. The document's rules are {@link LifecycleRules}'.
     */
    public static final class Builder {
        /** The sections of a document that gives no field but its name: one place for every default. */
        private static final LifecycleConfig DEFAULTS = read(new DocumentReader(
                JsonNodeFactory.instance.objectNode().put("managedName", "defaults"), ""));

        private final String managedName;
        private String region;
        private boolean dryRun;
        private CopySource source = DEFAULTS.source;
        private Placement placement = DEFAULTS.placement;
        private Labels labels = DEFAULTS.labels;
        private Timing timing = DEFAULTS.timing;
        private Modification modification = DEFAULTS.modification;
        private DnsRecords dns = DEFAULTS.dns;
        private Retirement retirement = DEFAULTS.retirement;
        private Verification verification = DEFAULTS.verification;
        private Stopping stopping = DEFAULTS.stopping;

        private Builder(String managedName) {
            this.managedName = managedName;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public Builder source(CopySource source) {
            this.source = source;
            return this;
        }

        public Builder placement(Placement placement) {
            this.placement = placement;
            return this;
        }

        public Builder labels(Labels labels) {
            this.labels = labels;
            return this;
        }

        public Builder timing(Timing timing) {
            this.timing = timing;
            return this;
        }

        public Builder modification(Modification modification) {
            this.modification = modification;
            return this;
        }

        public Builder dns(DnsRecords dns) {
            this.dns = dns;
            return this;
        }

        public Builder retirement(Retirement retirement) {
            this.retirement = retirement;
            return this;
        }

        public Builder verification(Verification verification) {
            this.verification = verification;
            return this;
        }

        public Builder stopping(Stopping stopping) {
            this.stopping = stopping;
            return this;
        }

        public LifecycleConfig build() {
            return new LifecycleConfig(managedName, region, dryRun, source, placement, labels, timing, modification,
                    dns, retirement, verification, stopping);
        }
    }
}
