package io.github.auroraecho.infra;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Unknown keys are errors (a typo must not silently drop a schedule). Every document is checked with the Lambda's own
 * parser for each stage it is scheduled for.
 */
public final class Settings {
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** A nightly refresh that missed one night is late, not yet stale; two missed nights are. */
    public static final int DEFAULT_STALE_AFTER_HOURS = 36;
    /** CloudWatch evaluates an alarm with one-hour periods over at most seven days. */
    public static final int MAX_STALE_AFTER_HOURS = 7 * 24;
    /** EventBridge Scheduler's limit on a target's constant input. */
    public static final int MAX_INPUT_LENGTH = 8192;
    /** The values CloudWatch Logs accepts as retention. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern EVENT_BUS = Pattern.compile("[A-Za-z0-9._-]{1,256}"
            + "|arn:aws[a-z-]*:events:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:event-bus/[A-Za-z0-9._/-]{1,256}");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern AT = Pattern.compile("at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One stage's schedule for one lifecycle. */
    public record StageSchedule(Operation operation, String expression, String timeZone, boolean enabled) {
    }

    /**
     * One lifecycle: its document (compact JSON, exactly what each schedule sends), its schedules, and after how
     * many hours without a fresher served copy its staleness alarm fires.
     */
    public record Lifecycle(String managedName, String documentJson, Map<Operation, LifecycleConfig> configs,
                            List<StageSchedule> schedules, int staleAfterHours) {
        /** The parsed document for a stage it is scheduled for. */
        public LifecycleConfig config(Operation operation) {
            return configs.get(operation);
        }

        public boolean schedules(Operation operation) {
            return configs.containsKey(operation);
        }
    }

    /** One environment: one stack. {@code resultEventBus} is null when no bus receives the runs' results. */
    public record Environment(String name, String account, String region, String alarmEmail, int logRetentionDays,
                              String resultEventBus, List<Lifecycle> lifecycles) {
        public List<Lifecycle> lifecyclesFor(Operation operation) {
            return lifecycles.stream().filter(l -> l.schedules(operation)).toList();
        }
    }

    private final Map<String, Environment> environments;

    private Settings(Map<String, Environment> environments) {
        this.environments = environments;
    }

    public Set<String> environmentNames() {
        return Collections.unmodifiableSet(environments.keySet());
    }

    /** The settings of one environment, or a clear error listing the known ones. */
    public Environment environment(String name) {
        if (name == null || name.isBlank()) {
            throw new SettingsException("no environment given: run cdk with -c env=NAME, one of "
                    + environments.keySet());
        }
        Environment environment = environments.get(name);
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
        JsonNode root = readJson(text, "the settings file");
        Node top = new Node(root, "");
        Node environmentsNode = top.requiredObject("environments");
        top.rejectUnknown();
        Map<String, Environment> environments = new LinkedHashMap<>();
        for (Iterator<String> names = environmentsNode.node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                throw new SettingsException("environment name \"" + name + "\" must be lower-case letters, digits "
                        + "and hyphens, a letter first, at most 20 characters");
            }
            environments.put(name, environment(name, environmentsNode.requiredObject(name), baseDirectory));
        }
        if (environments.isEmpty()) {
            throw new SettingsException("\"environments\" defines no environment");
        }
        return new Settings(Collections.unmodifiableMap(environments));
    }

    private static Environment environment(String name, Node node, Path baseDirectory) {
        String account = node.string("account", ACCOUNT, "must be a 12-digit AWS account id");
        String region = node.string("region", REGION, "must be an AWS region such as eu-west-1");
        String alarmEmail = node.string("alarmEmail", EMAIL, "must be an e-mail address");
        int retention = node.integer("logRetentionDays", DEFAULT_LOG_RETENTION_DAYS);
        if (!LOG_RETENTION_DAYS.contains(retention)) {
            throw node.error("logRetentionDays", "must be one of " + new TreeSet<>(LOG_RETENTION_DAYS));
        }
        String timeZone = node.timeZone("timeZone", DEFAULT_TIME_ZONE);
        String resultEventBus = node.string("resultEventBus", EVENT_BUS,
                "must be an EventBridge event bus name (such as default) or ARN");
        List<Node> lifecycleNodes = node.requiredArray("lifecycles");
        node.rejectUnknown();

        List<Lifecycle> lifecycles = new ArrayList<>();
        Set<String> managedNames = new HashSet<>();
        for (Node lifecycleNode : lifecycleNodes) {
            Lifecycle lifecycle = lifecycle(lifecycleNode, timeZone, baseDirectory);
            if (!managedNames.add(lifecycle.managedName().toLowerCase(Locale.ROOT))) {
                throw new SettingsException(lifecycleNode.path + ": managedName \"" + lifecycle.managedName()
                        + "\" is already used by another lifecycle of environment " + name);
            }
            lifecycles.add(lifecycle);
        }
        return new Environment(name, account, region, alarmEmail, retention, resultEventBus, List.copyOf(lifecycles));
    }

    private static Lifecycle lifecycle(Node node, String defaultTimeZone, Path baseDirectory) {
        JsonNode document = node.node.get("document");
        JsonNode documentFile = node.node.get("documentFile");
        node.markRead("document");
        node.markRead("documentFile");
        String where = node.path;
        if ((document == null) == (documentFile == null)) {
            throw new SettingsException(where + ": give exactly one of \"document\" (the lifecycle document) "
                    + "and \"documentFile\" (a path to it, relative to the settings file)");
        }
        if (documentFile != null) {
            if (!documentFile.isTextual() || documentFile.asText().isBlank()) {
                throw new SettingsException(where + ".documentFile must be a file path");
            }
            Path file = baseDirectory.resolve(documentFile.asText()).normalize();
            try {
                document = readJson(Files.readString(file, StandardCharsets.UTF_8), "document file " + file);
            } catch (IOException e) {
                throw new SettingsException(where + ".documentFile: cannot read " + file + " (" + e + ")", e);
            }
            where = where + " (" + documentFile.asText() + ")";
        }
        if (!document.isObject()) {
            throw new SettingsException(where + ": the lifecycle document must be a JSON object");
        }
        String documentJson = document.toString();
        if (documentJson.length() > MAX_INPUT_LENGTH) {
            throw new SettingsException(where + ": the lifecycle document is " + documentJson.length()
                    + " characters; a schedule's input can hold at most " + MAX_INPUT_LENGTH);
        }
        String timeZone = node.timeZone("timeZone", defaultTimeZone);
        int staleAfterHours = node.integer("staleAfterHours", DEFAULT_STALE_AFTER_HOURS);
        if (staleAfterHours < 1 || staleAfterHours > MAX_STALE_AFTER_HOURS) {
            throw node.error("staleAfterHours", "must be between 1 and " + MAX_STALE_AFTER_HOURS + " (hours), not "
                    + staleAfterHours);
        }
        Node schedulesNode = node.requiredObject("schedules");
        node.rejectUnknown();

        Map<Operation, LifecycleConfig> configs = new EnumMap<>(Operation.class);
        List<StageSchedule> schedules = new ArrayList<>();
        for (Iterator<String> stages = schedulesNode.node.fieldNames(); stages.hasNext(); ) {
            String stage = stages.next();
            Operation operation = Operation.fromCliName(stage).orElseThrow(() -> new SettingsException(
                    schedulesNode.path + "." + stage + ": unknown stage; the stages are "
                            + java.util.Arrays.stream(Operation.values()).map(Operation::cliName).toList()));
            StageSchedule schedule = schedule(operation, schedulesNode.child(stage), timeZone);
            try {
                configs.put(operation, LifecycleConfig.parse(documentJson, operation));
            } catch (InvalidInputException e) {
                throw new SettingsException(where + ": the document is not valid for stage " + stage + ": "
                        + e.getMessage(), e);
            }
            schedules.add(schedule);
        }
        schedulesNode.markAllRead();
        if (schedules.isEmpty()) {
            throw new SettingsException(schedulesNode.path + " must schedule at least one stage");
        }
        if (configs.containsKey(Operation.NEW) && configs.containsKey(Operation.CLONE)) {
            throw new SettingsException(schedulesNode.path + ": schedule either \"new\" (restore a snapshot) or "
                    + "\"clone\" (copy-on-write clone), not both: both make the lifecycle's copies");
        }
        String managedName = configs.values().iterator().next().managedName();
        return new Lifecycle(managedName, documentJson, Collections.unmodifiableMap(configs), List.copyOf(schedules),
                staleAfterHours);
    }

    private static StageSchedule schedule(Operation operation, Node node, String defaultTimeZone) {
        String expression;
        String timeZone = defaultTimeZone;
        boolean enabled = true;
        if (node.node.isTextual()) {
            expression = node.node.asText();
        } else if (node.node.isObject()) {
            expression = node.requiredString("expression");
            timeZone = node.timeZone("timeZone", defaultTimeZone);
            enabled = node.bool("enabled", true);
            node.rejectUnknown();
        } else {
            throw new SettingsException(node.path + " must be a schedule expression such as \"cron(0 2 * * ? *)\" "
                    + "or an object {\"expression\": ..., \"timeZone\": ..., \"enabled\": ...}");
        }
        checkExpression(node.path, expression);
        return new StageSchedule(operation, expression, timeZone, enabled);
    }

    /** Checks an EventBridge Scheduler expression: cron (six fields), rate or a one-time at(). */
    static void checkExpression(String where, String expression) {
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new SettingsException(where + ": \"" + expression + "\" has " + fields.length + " fields; a "
                        + "Scheduler cron has 6: minutes hours day-of-month month day-of-week year, e.g. cron(0 2 * * ? *)");
            }
            if (!"?".equals(fields[2]) && !"?".equals(fields[4])) {
                throw new SettingsException(where + ": \"" + expression + "\": day-of-month or day-of-week must be ?");
            }
            return;
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            boolean singular = !rate.group(2).endsWith("s");
            if (value == 0 || (value == 1) != singular) {
                throw new SettingsException(where + ": \"" + expression + "\": a rate is a positive number, with "
                        + "a singular unit for 1 (rate(1 day)) and a plural one otherwise (rate(2 days))");
            }
            return;
        }
        if (AT.matcher(expression).matches()) {
            return;
        }
        throw new SettingsException(where + ": \"" + expression + "\" is not a schedule expression: use "
                + "cron(minutes hours day-of-month month day-of-week year), rate(N unit) or at(yyyy-mm-ddThh:mm:ss)");
    }

    private static JsonNode readJson(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new SettingsException(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new SettingsException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A JSON object being read, remembering which keys were read so that the rest can be refused. */
    private static final class Node {
        final JsonNode node;
        final String path;
        final Set<String> read = new HashSet<>();

        Node(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        String fieldPath(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        SettingsException error(String key, String message) {
            return new SettingsException(fieldPath(key) + " " + message);
        }

        void markRead(String key) {
            read.add(key);
        }

        void markAllRead() {
            node.fieldNames().forEachRemaining(read::add);
        }

        Node child(String key) {
            read.add(key);
            return new Node(node.get(key), fieldPath(key));
        }

        Node requiredObject(String key) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || !value.isObject()) {
                throw error(key, value == null ? "is required (an object)" : "must be an object");
            }
            return new Node(value, fieldPath(key));
        }

        List<Node> requiredArray(String key) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || !value.isArray()) {
                throw error(key, value == null ? "is required (a list)" : "must be a list");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw new SettingsException(fieldPath(key) + "[" + i + "] must be an object");
                }
                items.add(new Node(value.get(i), fieldPath(key) + "[" + i + "]"));
            }
            return items;
        }

        String string(String key, Pattern pattern, String rule) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || !pattern.matcher(value.asText()).matches()) {
                throw error(key, rule + ", not " + value);
            }
            return value.asText();
        }

        String requiredString(String key) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw error(key, "is required (a string)");
            }
            return value.asText();
        }

        int integer(String key, int defaultValue) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || value.isNull()) {
                return defaultValue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw error(key, "must be a whole number, not " + value);
            }
            return value.intValue();
        }

        boolean bool(String key, boolean defaultValue) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || value.isNull()) {
                return defaultValue;
            }
            if (!value.isBoolean()) {
                throw error(key, "must be true or false, not " + value);
            }
            return value.booleanValue();
        }

        String timeZone(String key, String defaultValue) {
            JsonNode value = node.get(key);
            read.add(key);
            if (value == null || value.isNull()) {
                return defaultValue;
            }
            if (!value.isTextual() || !(value.asText().equals("UTC")
                    || ZoneId.getAvailableZoneIds().contains(value.asText()))) {
                throw error(key, "must be an IANA time zone such as Europe/London or UTC, not " + value);
            }
            return value.asText();
        }

        void rejectUnknown() {
            List<String> unknown = new ArrayList<>();
            node.fieldNames().forEachRemaining(k -> {
                if (!read.contains(k)) {
                    unknown.add(k);
                }
            });
            if (!unknown.isEmpty()) {
                throw new SettingsException((path.isEmpty() ? "the settings" : path) + ": unknown key(s) "
                        + unknown + " (a typo?)");
            }
        }
    }
}
