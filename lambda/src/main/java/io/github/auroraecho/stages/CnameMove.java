package io.github.auroraecho.stages;

import io.github.auroraecho.lifecycle.Copy;
import io.github.auroraecho.lifecycle.LifecycleConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moving the lifecycle's CNAME record(s) to a copy, as promote and rollback do: only the zones whose record does not
 * point at it yet are changed, and the move counts once Route53 reports every change in sync.
 */
final class CnameMove {
    private CnameMove() {
    }

    /** What the record points to in each zone of the lifecycle. */
    static Map<String, Optional<String>> current(StageContext context) {
        LifecycleConfig config = context.config();
        return context.dns().targets(config.dns().hostedZoneIds(), config.dns().recordSetName());
    }

    /** The zones whose record does not point at {@code copy}'s endpoint. */
    static List<String> stale(LifecycleConfig config, Map<String, Optional<String>> current, Copy copy) {
        return config.dns().hostedZoneIds().stream()
                .filter(zone -> !current.get(zone).equals(Optional.of(copy.endpoint())))
                .toList();
    }

    /**
     * UPSERTs the record in the stale zones to {@code copy} and waits until they are in sync: empty when they are,
     * else the {@code waiting} result, so no tag moves before DNS does.
     */
    static Optional<Result> point(StageContext context, Copy copy, List<String> stale) {
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        LifecycleConfig config = context.config();
        List<String> changeIds = context.dns().upsert(stale, config.dns().recordSetName(), copy.name(), copy.endpoint(),
                config.dns().ttl());
        if (context.dns().waitInSync(changeIds, context.waitBudget(Duration.ofSeconds(config.dns().dnsSyncTimeoutSeconds())))) {
            return Optional.empty();
        }
        return Optional.of(context.result(Outcome.WAITING, "the CNAME change for " + copy.name() + " is not in sync after "
                + config.dns().dnsSyncTimeoutSeconds() + " s; the next run checks again before retiring anything",
                copy.name()));
    }
}
