package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.ConnectionParameterName;
import io.github.auroraecho.lifecycle.DocumentReader;
import io.github.auroraecho.lifecycle.Operation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One environment of the settings file, deployed as one stack. {@code account} and {@code region} may be null: the
 * stack then resolves them at deploy time. {@code resultEventBus} (a bus name or ARN) is null when no bus receives
 * the runs' results. {@code parameterPrefix} is where the lifecycles' connection parameters live in SSM Parameter
 * Store ({@code <prefix>/<managedName>/connection}), checked against SSM's naming rules by {@link ConnectionParameterName}.
 */
public record EnvironmentSettings(String name, String account, String region, String alarmEmail,
                                  int logRetentionDays, String resultEventBus, List<LifecycleSchedule> lifecycles,
                                  String parameterPrefix) {
    public EnvironmentSettings {
        lifecycles = List.copyOf(lifecycles);
    }

    public List<LifecycleSchedule> lifecyclesFor(Operation operation) {
        return lifecycles.stream().filter(l -> l.schedules(operation)).toList();
    }

    static EnvironmentSettings read(String name, DocumentReader reader, Path baseDirectory) {
        String account = reader.string("account", v -> v.matches("\\d{12}"), "must be a 12-digit AWS account id");
        String region = reader.string("region", v -> v.matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}"),
                "must be an AWS region such as eu-west-1");
        String alarmEmail = reader.string("alarmEmail", v -> v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                "must be an e-mail address");
        long retention = reader.integer("logRetentionDays", LogRetention.DEFAULT_DAYS, 1, Integer.MAX_VALUE);
        if (!LogRetention.accepts(retention)) {
            throw reader.invalid("logRetentionDays", "must be one of " + LogRetention.acceptedDays() + ", not "
                    + retention);
        }
        String timeZone = StageSchedule.timeZone(reader, StageSchedule.DEFAULT_TIME_ZONE);
        String resultEventBus = reader.string("resultEventBus", v -> v.matches("[A-Za-z0-9._-]{1,256}"
                        + "|arn:aws[a-z-]*:events:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:event-bus/[A-Za-z0-9._/-]{1,256}"),
                "must be an EventBridge event bus name (such as default) or ARN");
        String parameterPrefix = reader.string("parameterPrefix", v -> true, "");
        if (parameterPrefix == null) {
            parameterPrefix = ConnectionParameterName.DEFAULT_PREFIX;
        } else if (ConnectionParameterName.problem(parameterPrefix) != null) {
            throw reader.invalid("parameterPrefix", ConnectionParameterName.problem(parameterPrefix)
                    + " (got \"" + parameterPrefix + "\")");
        }
        if (!reader.has("lifecycles")) {
            throw reader.missing("lifecycles");
        }
        List<DocumentReader> lifecycleReaders = reader.objects("lifecycles", Integer.MAX_VALUE);
        reader.rejectUnread();

        List<LifecycleSchedule> lifecycles = new ArrayList<>();
        Set<String> managedNames = new HashSet<>();
        for (DocumentReader lifecycleReader : lifecycleReaders) {
            LifecycleSchedule lifecycle = LifecycleSchedule.read(lifecycleReader, timeZone, baseDirectory);
            if (!managedNames.add(lifecycle.managedName().toLowerCase(Locale.ROOT))) {
                throw lifecycleReader.invalid("has managedName \"" + lifecycle.managedName()
                        + "\", which is already used by another lifecycle of environment " + name);
            }
            lifecycles.add(lifecycle);
        }
        return new EnvironmentSettings(name, account, region, alarmEmail, (int) retention, resultEventBus, lifecycles,
                parameterPrefix);
    }
}
