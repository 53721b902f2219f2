package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.DocumentReader;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.lifecycle.RunningHours;
import io.github.auroraecho.lifecycle.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One lifecycle of an environment: its document (compact JSON, exactly what each schedule sends), parsed by the
 * Lambda's own parser for each stage it is scheduled for, its schedules, the KMS key that encrypts its source
 * ({@code sourceKmsKeyArn}: null when not declared, {@value #UNENCRYPTED_SOURCE} for a source that is not encrypted),
 * which RDS uses with the new and clone roles' permissions, after how many hours without a fresher served copy
 * its staleness alarm fires, and whether the stack gives its consumers a read-only managed policy
 * ({@link ConsumerPolicy}).
 */
public record LifecycleSchedule(String managedName, String documentJson, Map<Operation, LifecycleConfig> configs,
                                List<StageSchedule> schedules, String sourceKmsKeyArn, int staleAfterHours,
                                boolean consumerPolicy) {
    /** EventBridge Scheduler's limit on a target's constant input. */
    public static final int MAX_INPUT_LENGTH = 8192;
    /** {@code sourceKmsKeyArn} of a source that is not encrypted. */
    public static final String UNENCRYPTED_SOURCE = "none";
    /** A nightly refresh that missed one night is late, not yet stale; two missed nights are. */
    public static final int DEFAULT_STALE_AFTER_HOURS = 36;
    /** CloudWatch evaluates an alarm with one-hour periods over at most seven days. */
    public static final int MAX_STALE_AFTER_HOURS = 7 * 24;

    public LifecycleSchedule {
        configs = Collections.unmodifiableMap(new EnumMap<>(configs));
        schedules = List.copyOf(schedules);
    }

    /** The parsed document for a stage it is scheduled for (rollback: where promote is; stop and start: with running hours). */
    public LifecycleConfig config(Operation operation) {
        return configs.get(operation);
    }

    /**
     * Whether the stage runs for this lifecycle: on its schedule; for rollback, by hand where promote is scheduled; for
     * stop and start, when its document has running hours.
     */
    public boolean schedules(Operation operation) {
        return configs.containsKey(operation);
    }

    /** One entry of an environment's {@code lifecycles}; {@code documentFile} is relative to {@code baseDirectory}. */
    static LifecycleSchedule read(DocumentReader reader, String defaultTimeZone, Path baseDirectory) {
        String where = reader.location();
        DocumentReader document = reader.object("document");
        String documentFile = reader.string("documentFile", file -> !file.isBlank(), "must be a file path");
        if ((document == null) == (documentFile == null)) {
            throw reader.invalid("must give exactly one of \"document\" (the lifecycle document) and "
                    + "\"documentFile\" (a path to it, relative to the settings file)");
        }
        if (documentFile != null) {
            Path file = baseDirectory.resolve(documentFile).normalize();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw reader.invalid("documentFile", "cannot read " + file + " (" + e + ")");
            }
            where = where + " (" + documentFile + ")";
            document = new DocumentReader(StrictJson.readTree(text, "document file " + file), where);
        }
        String documentJson = document.json().toString();
        if (documentJson.length() > MAX_INPUT_LENGTH) {
            throw new InvalidInputException(where + ": the lifecycle document is " + documentJson.length()
                    + " characters; a schedule's input can hold at most " + MAX_INPUT_LENGTH);
        }
        String timeZone = StageSchedule.timeZone(reader, defaultTimeZone);
        String sourceKey = reader.string("sourceKmsKeyArn", key -> key.equals(UNENCRYPTED_SOURCE)
                        || key.matches("arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+"),
                "must be the ARN of the KMS key that encrypts the source (arn:aws:kms:<region>:<account>:key/<id>), "
                        + "or \"" + UNENCRYPTED_SOURCE + "\"");
        long staleAfterHours = reader.integer("staleAfterHours", DEFAULT_STALE_AFTER_HOURS, 1, MAX_STALE_AFTER_HOURS);
        boolean consumerPolicy = reader.bool("consumerPolicy", false);
        DocumentReader schedulesReader = reader.requiredObject("schedules");
        reader.rejectUnread();

        Map<Operation, LifecycleConfig> configs = new EnumMap<>(Operation.class);
        List<StageSchedule> schedules = new ArrayList<>();
        for (String stage : schedulesReader.fieldNames()) {
            Operation operation = Operation.fromCliName(stage).filter(Operation::isScheduled).orElseThrow(() ->
                    schedulesReader.invalid(stage, Operation.fromCliName(stage).filter(Operation::followsRunningHours)
                            .map(o -> "has no schedule here: stop and start run when the document's \"runningHours\" "
                                    + "say (its timezone, days, start and stop); see docs/operations.md#running-hours")
                            .orElse("is an unknown stage; the stages are " + Arrays.stream(Operation.values())
                                    .filter(Operation::isScheduled).map(Operation::cliName).toList()
                                    + " (rollback has no schedule: it is run by hand; stop and start follow the "
                                    + "document's runningHours)")));
            schedules.add(StageSchedule.read(operation, schedulesReader, stage, timeZone));
            configs.put(operation, parse(where, documentJson, operation));
        }
        if (schedules.isEmpty()) {
            throw schedulesReader.invalid("must schedule at least one stage");
        }
        if (configs.containsKey(Operation.NEW) && configs.containsKey(Operation.CLONE)) {
            throw schedulesReader.invalid("must schedule either \"new\" (restore a snapshot) or \"clone\" "
                    + "(copy-on-write clone), not both: both make the lifecycle's copies");
        }
        LifecycleConfig restore = configs.get(Operation.NEW);
        if (restore != null && sourceKey == null
                && (restore.source().sourceSnapshotArn() != null || restore.source().isSharedCluster())) {
            String owner = (restore.source().sourceSnapshotArn() != null ? restore.source().sourceSnapshotArn()
                    : restore.source().sourceClusterName()).split(":", 6)[4];
            throw new InvalidInputException(where + ": restores a snapshot that account " + owner + " shares: RDS "
                    + "needs kms:CreateGrant, kms:DescribeKey and kms:Decrypt on the key that encrypts it, granted to "
                    + "the new role only through RDS. Add \"sourceKmsKeyArn\": \"arn:aws:kms:<region>:" + owner
                    + ":key/<id>\" to this lifecycle (beside \"schedules\"), or \"sourceKmsKeyArn\": \""
                    + UNENCRYPTED_SOURCE + "\" if the snapshot is not encrypted");
        }
        // Rollback serves a copy as promote does, by hand: the lifecycles promote serves are the ones it may roll back.
        if (configs.containsKey(Operation.PROMOTE)) {
            configs.put(Operation.ROLLBACK, LifecycleConfig.parse(documentJson, Operation.ROLLBACK));
        }
        // Stop and start run for a lifecycle whose document has running hours, on the two schedules they make.
        RunningHours hours = configs.values().iterator().next().stopping().runningHours();
        if (hours != null) {
            for (Operation operation : List.of(Operation.STOP, Operation.START)) {
                configs.put(operation, parse(where, documentJson, operation));
            }
            schedules.addAll(RunningHoursSchedules.of(hours));
        }
        String managedName = configs.values().iterator().next().managedName();
        return new LifecycleSchedule(managedName, documentJson, configs, schedules, sourceKey, (int) staleAfterHours,
                consumerPolicy);
    }

    private static LifecycleConfig parse(String where, String documentJson, Operation operation) {
        try {
            return LifecycleConfig.parse(documentJson, operation);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": the document is not valid for stage " + operation.cliName()
                    + ": " + e.getMessage());
        }
    }
}
