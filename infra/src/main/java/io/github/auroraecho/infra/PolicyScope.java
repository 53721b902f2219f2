package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Stage;
import io.github.auroraecho.lifecycle.TimeTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What every stage's statements are written in: the stack's partition and account, the regions the lifecycles use,
 * this environment, and the copies. A copy is recognised by the name-free tags every copy of this version carries
 * ({@link CopyTags}), not by one statement per lifecycle:
 * <ul>
 * <li>Copies are named {@code <lifecycle>-YYYY-MM-DD[-suffix]}: every action on a copy is allowed only on ARNs
 *     {@code <lifecycle>-????-??-??*} where {@code <lifecycle>} is the policy variable of the copy's own
 *     {@code aurora-echo:lifecycle} tag (of the request's tags when it is created), so a name and its tag must agree.</li>
 * <li>Every change after the creation needs the copy to carry this environment's tag ({@code aws:ResourceTag}).</li>
 * <li>A stage move may write only the two stage tags ({@code aws:TagKeys}) and only the values that stage writes.</li>
 * </ul>
 */
final class PolicyScope {
    /** A copy's name: its own lifecycle tag, then {@code -YYYY-MM-DD} and an optional suffix. */
    static final String COPY = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}-????-??-??*";
    /** Promote and retire check each configured zone (its name) and what the record points to. */
    static final List<String> READ_ZONE_ACTIONS = List.of("route53:GetHostedZone", "route53:ListResourceRecordSets");
    /**
     * Characters of values (names in a condition) a statement lists at most: with its actions, resources and other
     * conditions it stays within RolePolicy's 4,500-character budget for a managed policy.
     */
    static final int VALUES_PER_STATEMENT = 3_000;

    private final Stack stack;
    private final String environment;

    PolicyScope(Stack stack, String environment) {
        this.stack = stack;
        this.environment = environment;
    }

    String environment() {
        return environment;
    }

    String account() {
        return stack.getAccount();
    }

    String region(LifecycleConfig config) {
        return config.region() != null ? config.region() : stack.getRegion();
    }

    String partition() {
        return stack.getPartition();
    }

    String rdsArn(String region, String type, String name) {
        return "arn:" + partition() + ":rds:" + region + ":" + account() + ":" + type + ":" + name;
    }

    String rdsArn(LifecycleConfig config, String type, String name) {
        return rdsArn(region(config), type, name);
    }

    String roleArn(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn
                : "arn:" + partition() + ":iam::" + account() + ":role/" + nameOrArn;
    }

    String hostedZoneArn(String zoneId) {
        return "arn:" + partition() + ":route53:::hostedzone/" + zoneId;
    }

    /** The service endpoint kms:ViaService names: {@code rds.<region>.amazonaws.com} (.com.cn in China). */
    String viaService(String service, String region) {
        String suffix = Token.isUnresolved(region) ? stack.getUrlSuffix()
                : region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return service + "." + region + "." + suffix;
    }

    /** The copies of this environment's lifecycles, in every region the lifecycles use. */
    List<String> copies(List<LifecycleConfig> configs, String... types) {
        return distinct(configs, config -> Arrays.stream(types).map(type -> rdsArn(config, type, COPY)).toList());
    }

    /** The copy carries this environment's tag (and, when given, one of these stage tags). */
    Map<String, Object> ofThisEnvironment(Stage... stages) {
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("aws:ResourceTag/" + CopyTags.ENVIRONMENT, environment);
        if (stages.length > 0) {
            equals.put("aws:ResourceTag/" + CopyTags.STAGE, values(stages));
        }
        return Map.of("StringEquals", equals);
    }

    /** Reading the configured zones and their records: promote and retire check what DNS points to. */
    PolicyStatement readZones(List<LifecycleConfig> configs) {
        return statement("ReadRecords", READ_ZONE_ACTIONS,
                distinct(configs, c -> c.dns().hostedZoneIds().stream().map(this::hostedZoneArn).toList()), Map.of());
    }

    /**
     * Writing only the two stage tags of the copy's own lifecycle (with, on the cluster, the time of the move:
     * modified-at, retired-at), only with the given values, only on copies of this environment. Tag keys are
     * compared ignoring case: the stage key keeps the managed name's case, the lifecycle tag is in lower case as RDS
     * writes ARNs.
     */
    PolicyStatement moveStage(String sid, List<LifecycleConfig> configs, Stage... to) {
        return moveStage(sid, configs, List.of(), to);
    }

    /** {@link #moveStage(String, List, Stage...)} that may also write these tag keys (promote's verification). */
    PolicyStatement moveStage(String sid, List<LifecycleConfig> configs, List<String> alsoKeys, Stage... to) {
        String lifecycle = "${aws:ResourceTag/" + CopyTags.LIFECYCLE + "}";
        List<String> keys = new ArrayList<>(List.of(Stage.tagKey(lifecycle), CopyTags.STAGE));
        keys.addAll(alsoKeys);
        for (Stage stage : to) {
            switch (stage) {
                case MODIFIED -> keys.add(TimeTag.MODIFIED.key(lifecycle));
                case RETIRED -> keys.add(TimeTag.RETIRED.key(lifecycle));
                case NEW, PROMOTED -> {
                }
            }
        }
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put("aws:ResourceTag/" + CopyTags.ENVIRONMENT, environment);
        equals.put("aws:RequestTag/" + CopyTags.STAGE, values(to));
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("StringEquals", equals);
        conditions.put("ForAllValues:StringEqualsIgnoreCase", Map.of("aws:TagKeys", keys));
        return statement(sid, List.of("rds:AddTagsToResource"), copies(configs, "cluster", "db"), conditions);
    }

    /** Every distinct value the lifecycles give, in order: each resource is listed once however many share it. */
    static <T> List<T> distinct(List<LifecycleConfig> configs, Function<LifecycleConfig, List<T>> values) {
        Set<T> all = new LinkedHashSet<>();
        configs.forEach(config -> all.addAll(values.apply(config)));
        return List.copyOf(all);
    }

    /**
     * The values in order, in runs of at most {@link #VALUES_PER_STATEMENT} characters as a policy lists them
     * (quoted, comma-separated), so that a statement listing one run fits a managed policy (see RolePolicy) however
     * many values there are and however long each is.
     */
    static List<List<String>> runs(List<String> values) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        int size = 0;
        for (String value : values) {
            int length = value.length() + 3;
            if (!run.isEmpty() && size + length > VALUES_PER_STATEMENT) {
                runs.add(List.copyOf(run));
                run.clear();
                size = 0;
            }
            run.add(value);
            size += length;
        }
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
        return runs;
    }

    /** The sid of the n-th (from 1) of statements that list runs of values: {@code Sid}, {@code Sid2}, ... */
    static String numbered(String sid, int n) {
        return n == 1 ? sid : sid + n;
    }

    static PolicyStatement statement(String sid, List<String> actions, List<String> resources,
                                     Map<String, ?> conditions) {
        PolicyStatement.Builder builder = PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources);
        if (!conditions.isEmpty()) {
            builder.conditions(new LinkedHashMap<>(conditions));
        }
        return builder.build();
    }

    private static Object values(Stage... stages) {
        List<String> values = Arrays.stream(stages).map(Stage::tagValue).toList();
        return values.size() == 1 ? values.get(0) : values;
    }
}
