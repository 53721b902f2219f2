package io.github.auroraecho.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.ManualSnapshot;
import io.github.auroraecho.lifecycle.Ownership;
import io.github.auroraecho.lifecycle.TimeTag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The final snapshots a lifecycle's retire runs left, recognised as retire recognises them (name and tag): status has
 * no document, so it cannot tell whether {@code finalSnapshotRetentionDays} will delete them, and shows how many
 * there are and since when, against RDS's default quota of 100 manual cluster snapshots ("Quotas and constraints for
 * Amazon Aurora", https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html).
 *
 * @param oldest when the oldest was taken; null when RDS does not say
 */
public record KeptSnapshots(String managedName, int count, Instant oldest) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One lifecycle's final snapshots among the account's manual snapshots; empty when it has none. */
    static Optional<KeptSnapshots> of(String managedName, List<ManualSnapshot> manual) {
        Ownership ownership = new Ownership(managedName, null);
        List<ManualSnapshot> theirs = manual.stream().filter(s -> s.notAFinalSnapshotOf(ownership).isEmpty()).toList();
        if (theirs.isEmpty()) {
            return Optional.empty();
        }
        Instant oldest = theirs.stream().map(ManualSnapshot::createdAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return Optional.of(new KeptSnapshots(managedName, theirs.size(), oldest));
    }

    static List<KeptSnapshots> of(Iterable<String> managedNames, List<ManualSnapshot> manual) {
        List<KeptSnapshots> kept = new ArrayList<>();
        managedNames.forEach(name -> of(name, manual).ifPresent(kept::add));
        return kept;
    }

    public String describe() {
        return managedName + " keeps " + count + " final snapshot" + (count == 1 ? "" : "s")
                + (oldest == null ? "" : ", the oldest taken " + TimeTag.value(oldest))
                + ": retire deletes them only with finalSnapshotRetentionDays; RDS allows 100 manual cluster "
                + "snapshots per account and region by default";
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JSON.createObjectNode().put("managedName", managedName).put("count", count);
        if (oldest != null) {
            node.put("oldest", TimeTag.value(oldest));
        }
        return node;
    }
}
