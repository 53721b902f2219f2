package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.auroraecho.lifecycle.CopyTags;
import io.github.auroraecho.lifecycle.DocumentReader;
import io.github.auroraecho.lifecycle.FieldMessages;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The deployment settings of every environment, read from {@code infra/environments.json}:
 * <pre>
 * {"environments": {"dev": {
 *    "account": "123456789012", "region": "eu-west-1",          (both optional)
 *    "alarmEmail": "ops@example.com", "logRetentionDays": 30,   (optional)
 *    "resultEventBus": "default",                               (optional: a bus name or ARN receiving every run's result)
 *    "timeZone": "Europe/London",                               (optional, default UTC)
 *    "lifecycles": [{
 *       "document": { ...lifecycle document... }  or  "documentFile": "../test-events/staging.json",
 *       "timeZone": "...",                                      (optional)
 *       "staleAfterHours": 36,                                  (optional: the staleness alarm's threshold)
 *       "schedules": {"new": "cron(0 2 * * ? *)", "modify": {"expression": "rate(1 hour)", "timeZone": "UTC", "enabled": true}}
 *    }]}}}
 * </pre>
 * Read with the Lambda's own strict {@link DocumentReader} into {@link EnvironmentSettings}, {@link LifecycleSchedule}
 * and {@link StageSchedule}: unknown keys are errors (a typo must not silently drop a schedule), and every document is
 * checked with the Lambda's own parser for each stage it is scheduled for.
 */
public final class Settings {
    private final Map<String, EnvironmentSettings> environments;

    private Settings(Map<String, EnvironmentSettings> environments) {
        this.environments = environments;
    }

    public Set<String> environmentNames() {
        return Collections.unmodifiableSet(environments.keySet());
    }

    /** The settings of one environment, or a clear error listing the known ones. */
    public EnvironmentSettings environment(String name) {
        if (name == null || name.isBlank()) {
            throw new SettingsException("no environment given: run cdk with -c env=NAME, one of "
                    + environments.keySet());
        }
        EnvironmentSettings environment = environments.get(name);
        if (environment == null) {
            throw new SettingsException("unknown environment \"" + name + "\": " + "known ones are "
                    + environments.keySet() + " (infra/environments.json)");
        }
        return environment;
    }

    public static Settings load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SettingsException("settings file " + file + " not found");
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toAbsolutePath().getParent());
    }

    /** Parses settings text; {@code documentFile} paths are relative to {@code baseDirectory}. */
    public static Settings parse(String text, Path baseDirectory) {
        try {
            JsonNode tree = StrictJson.readTree(text, "the settings file");
            if (!tree.isObject()) {
                throw new SettingsException("the settings file must be a JSON object {\"environments\": {...}}, not "
                        + FieldMessages.describe(tree));
            }
            DocumentReader root = new DocumentReader(tree, "");
            DocumentReader environmentsReader = root.requiredObject("environments");
            root.rejectUnread();
            Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
            for (String name : environmentsReader.fieldNames()) {
                if (!name.matches(CopyTags.ENVIRONMENT_NAME)) {
                    throw environmentsReader.invalid(name, "is not a valid environment name: lower-case letters, "
                            + "digits and hyphens, a letter first, at most 20 characters");
                }
                environments.put(name, EnvironmentSettings.read(name, environmentsReader.requiredObject(name),
                        baseDirectory));
            }
            if (environments.isEmpty()) {
                throw environmentsReader.invalid("defines no environment");
            }
            return new Settings(Collections.unmodifiableMap(environments));
        } catch (InvalidInputException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }
}
