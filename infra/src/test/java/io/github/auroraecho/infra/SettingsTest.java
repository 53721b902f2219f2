package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.LifecycleConfig;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {
    private static final String RETIRE_DOC =
            "{\"managedName\": \"tiny\", \"hostedZoneIds\": [\"Z0123456789ABC\"], \"recordSetName\": \"db.example.com\"}";

    private static String settings(String environmentBody) {
        return "{\"environments\": {\"dev\": " + environmentBody + "}}";
    }

    private static String lifecycle(String document, String schedules) {
        return "{\"lifecycles\": [{\"document\": " + document + ", \"schedules\": " + schedules + "}]}";
    }

    private static String error(String text) {
        return assertThrows(SettingsException.class, () -> Settings.parse(text, Path.of("."))).getMessage();
    }

    @Test
    void readsTheTestSettings() {
        Settings settings = Fixtures.testSettings();
        assertEquals(List.of("test", "agnostic"), List.copyOf(settings.environmentNames()));
        EnvironmentSettings test = settings.environment("test");
        assertEquals("123456789012", test.account());
        assertEquals("eu-west-1", test.region());
        assertEquals(2, test.lifecycles().size());
        LifecycleSchedule staging = test.lifecycles().get(0);
        assertEquals("staging", staging.managedName());
        assertTrue(staging.schedules(Operation.NEW));
        assertFalse(staging.schedules(Operation.CLONE));
        assertEquals("America/New_York", staging.schedules().get(2).timeZone());
        assertFalse(staging.schedules().get(3).enabled());
        assertEquals("UTC", test.lifecycles().get(1).schedules().get(0).timeZone());
        EnvironmentSettings agnostic = settings.environment("agnostic");
        assertNull(agnostic.account());
        assertNull(agnostic.region());
        assertEquals(LogRetention.DEFAULT_DAYS, agnostic.logRetentionDays());
        assertNull(test.resultEventBus());
        assertEquals("team-results", agnostic.resultEventBus());
        assertEquals(LifecycleSchedule.DEFAULT_STALE_AFTER_HOURS, staging.staleAfterHours());
        assertEquals(60, test.lifecycles().get(1).staleAfterHours());
    }

    @Test
    void theSettingsFileBindsToRecords() {
        String document = "{\"managedName\":\"tiny\",\"hostedZoneIds\":[\"Z0123456789ABC\"],"
                + "\"recordSetName\":\"db.example.com\"}";
        EnvironmentSettings dev = Settings.parse(settings("{\"account\": \"123456789012\", \"logRetentionDays\": 90, "
                + "\"timeZone\": \"Europe/Paris\", \"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"schedules\": "
                + "{\"promote\": \"rate(1 hour)\", \"retire\": {\"expression\": \"rate(1 day)\", \"timeZone\": \"UTC\"}}}]}"),
                Path.of(".")).environment("dev");
        assertEquals(new EnvironmentSettings("dev", "123456789012", null, null, 90, null, List.of(new LifecycleSchedule(
                "tiny", document, Map.of(
                        Operation.PROMOTE, LifecycleConfig.parse(document, Operation.PROMOTE),
                        Operation.RETIRE, LifecycleConfig.parse(document, Operation.RETIRE),
                        Operation.ROLLBACK, LifecycleConfig.parse(document, Operation.ROLLBACK)),
                List.of(new StageSchedule(Operation.PROMOTE, "rate(1 hour)", "Europe/Paris", true),
                        new StageSchedule(Operation.RETIRE, "rate(1 day)", "UTC", true)), null,
                LifecycleSchedule.DEFAULT_STALE_AFTER_HOURS, false)), "/aurora-echo"), dev);
        assertEquals(List.of(dev.lifecycles().get(0)), dev.lifecyclesFor(Operation.RETIRE));
        assertEquals(List.of(), dev.lifecyclesFor(Operation.MODIFY));
    }

    @Test
    void theDocumentIsKeptAsCompactJsonInItsOwnOrder() {
        Settings settings = Settings.parse(settings(lifecycle(RETIRE_DOC, "{\"retire\": \"rate(1 day)\"}")),
                Path.of("."));
        assertEquals("{\"managedName\":\"tiny\",\"hostedZoneIds\":[\"Z0123456789ABC\"],"
                + "\"recordSetName\":\"db.example.com\"}", settings.environment("dev").lifecycles().get(0)
                .documentJson());
    }

    @Test
    void anUnknownOrMissingEnvironmentNamesTheKnownOnes() {
        Settings settings = Fixtures.testSettings();
        String unknown = assertThrows(SettingsException.class, () -> settings.environment("staging")).getMessage();
        assertTrue(unknown.contains("unknown environment \"staging\"") && unknown.contains("[test, agnostic]"),
                unknown);
        String missing = assertThrows(SettingsException.class, () -> settings.environment(null)).getMessage();
        assertTrue(missing.contains("-c env=NAME"), missing);
    }

    @Test
    void aDocumentInvalidForAScheduledStageIsRefusedWithTheParsersMessage() {
        // Promote needs hostedZoneIds and recordSetName: the Lambda's parser says so, naming the field.
        String message = error(settings(lifecycle("{\"managedName\": \"tiny\"}", "{\"promote\": \"rate(1 day)\"}")));
        assertTrue(message.contains("stage promote") && message.contains("hostedZoneIds"), message);
        String typo = error(settings(lifecycle("{\"managedName\": \"tiny\", \"hostedZoneId\": \"Z1\"}",
                "{\"modify\": \"rate(1 day)\"}")));
        assertTrue(typo.contains("hostedZoneId"), typo);
        String create = error(settings(lifecycle(RETIRE_DOC, "{\"new\": \"rate(1 day)\"}")));
        assertTrue(create.contains("stage new") && create.contains("sourceClusterName"), create);
    }

    @Test
    void anUpperCaseLifecycleNameIsRefusedWithItsLowerCaseForm() {
        String message = error(settings(lifecycle("{\"managedName\": \"Tiny\"}", "{\"modify\": \"rate(1 day)\"}")));
        assertTrue(message.contains("\"managedName\" must be lower case") && message.contains("use \"tiny\""), message);
    }

    @Test
    void runningHoursInTheDocumentGiveStopAndStartTheirSchedulesInItsTimeZone() {
        String document = "{\"managedName\":\"tiny\",\"hostedZoneIds\":[\"Z0123456789ABC\"],"
                + "\"recordSetName\":\"db.example.com\",\"runningHours\":{\"timezone\":\"Europe/Berlin\","
                + "\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],\"start\":\"07:00\",\"stop\":\"20:00\"}}";
        LifecycleSchedule tiny = Settings.parse(settings(lifecycle(document, "{\"retire\": \"rate(1 day)\"}")),
                Path.of(".")).environment("dev").lifecycles().get(0);
        assertEquals(List.of(new StageSchedule(Operation.RETIRE, "rate(1 day)", "UTC", true),
                new StageSchedule(Operation.START, "cron(0 7 ? * MON,TUE,WED,THU,FRI *)", "Europe/Berlin", true),
                new StageSchedule(Operation.STOP, "cron(0 20 ? * * *)", "Europe/Berlin", true)), tiny.schedules());
        assertEquals(LifecycleConfig.parse(document, Operation.STOP), tiny.config(Operation.STOP));
        assertEquals(LifecycleConfig.parse(document, Operation.START), tiny.config(Operation.START));
        assertTrue(tiny.schedules().stream().allMatch(s -> ScheduleExpressionRule.problem(s.expression()).isEmpty()),
                "Scheduler takes them");
        // Its nested stack counts the three schedules, each carrying the document.
        assertEquals(3, LifecycleStacks.resources(tiny));
        assertTrue(assertThrows(SettingsException.class, () -> LifecycleStacks.of("dev",
                java.util.Collections.nCopies(LifecycleStacks.MAX_RESOURCES / 3 + 1, tiny))).getMessage()
                .contains("need " + 3 * (LifecycleStacks.MAX_RESOURCES / 3 + 1) + " resources"));

        // Without running hours: no stop or start, and no config for them.
        LifecycleSchedule plain = Settings.parse(settings(lifecycle(RETIRE_DOC, "{\"retire\": \"rate(1 day)\"}")),
                Path.of(".")).environment("dev").lifecycles().get(0);
        assertEquals(List.of(Operation.RETIRE), plain.schedules().stream().map(StageSchedule::operation).toList());
        assertFalse(plain.schedules(Operation.STOP) || plain.schedules(Operation.START));
    }

    @Test
    void badSchedulesAreRefused() {
        for (String[] bad : new String[][] {
                {"{\"retire\": \"cron(0 2 * * *)\"}", "has 5 fields"},
                {"{\"retire\": \"cron(0 2 1 * MON *)\"}", "must be ?"},
                {"{\"retire\": \"rate(1 days)\"}", "singular"},
                {"{\"retire\": \"rate(0 minutes)\"}", "positive"},
                {"{\"retire\": \"every day\"}", "not a schedule expression"},
                {"{\"retire\": {\"expression\": \"rate(1 day)\", \"timeZone\": \"Mars/Olympus\"}}", "IANA time zone"},
                {"{\"retire\": {\"expression\": \"rate(1 day)\", \"enabled\": \"yes\"}}", "true or false"},
                {"{\"retire\": {\"expression\": \"rate(1 day)\", \"timezone\": \"UTC\"}}", "unknown field \"environments.dev.lifecycles[0].schedules.retire.timezone\""},
                {"{\"retrie\": \"rate(1 day)\"}", "unknown stage"},
                {"{\"rollback\": \"rate(1 day)\"}", "rollback has no schedule: it is run by hand"},
                {"{\"stop\": \"cron(0 20 * * ? *)\"}", "schedules.stop\" has no schedule here: stop and start run "
                        + "when the document's \"runningHours\" say"},
                {"{\"retire\": \"rate(1 day)\", \"start\": \"cron(0 7 * * ? *)\"}", "schedules.start\" has no "
                        + "schedule here"},
                {"{}", "at least one stage"},
        }) {
            String message = error(settings(lifecycle(RETIRE_DOC, bad[0])));
            assertTrue(message.contains(bad[1]), bad[0] + " -> " + message);
        }
    }

    @Test
    void newAndCloneTogetherAreRefused() {
        String document = "{\"managedName\": \"x\", \"sourceClusterName\": \"prod\", \"dbSubnetGroupName\": \"s\", "
                + "\"dbInstanceClass\": \"db.r6g.large\"}";
        String message = error(settings(lifecycle(document, "{\"new\": \"rate(1 day)\", \"clone\": \"rate(1 day)\"}")));
        assertTrue(message.contains("not both"), message);
    }

    @Test
    void aSharedSnapshotNeedsItsKeyDeclaredAtSynthTime() {
        String document = "{\"managedName\": \"x\", \"sourceSnapshotArn\": "
                + "\"arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:prod-1\", \"dbSubnetGroupName\": \"s\", "
                + "\"dbInstanceClass\": \"db.r6g.large\"}";
        String message = error(settings(lifecycle(document, "{\"new\": \"rate(1 day)\"}")));
        assertTrue(message.contains("account 111122223333 shares") && message.contains("\"sourceKmsKeyArn\": "
                + "\"arn:aws:kms:<region>:111122223333:key/<id>\"") && message.contains("\"none\""), message);
        String declared = "{\"lifecycles\": [{\"document\": " + document + ", \"sourceKmsKeyArn\": "
                + "\"arn:aws:kms:eu-west-1:111122223333:key/1a2b\", \"schedules\": {\"new\": \"rate(1 day)\"}}]}";
        assertEquals("arn:aws:kms:eu-west-1:111122223333:key/1a2b", Settings.parse(settings(declared), Path.of("."))
                .environment("dev").lifecycles().get(0).sourceKmsKeyArn());
        String alias = error(settings(declared.replace("key/1a2b", "alias/prod")));
        assertTrue(alias.contains("sourceKmsKeyArn") && alias.contains("must be the ARN of the KMS key"), alias);
    }

    @Test
    void badEnvironmentSettingsAreRefused() {
        String lifecycles = "\"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"schedules\": {\"retire\": \"rate(1 day)\"}}]";
        for (String[] bad : new String[][] {
                {"{\"account\": \"12345\", " + lifecycles + "}", "dev.account\" must be a 12-digit"},
                {"{\"region\": \"Ireland\", " + lifecycles + "}", "dev.region\" must be an AWS region"},
                {"{\"alarmEmail\": \"nobody\", " + lifecycles + "}", "dev.alarmEmail\" must be an e-mail"},
                {"{\"logRetentionDays\": 10, " + lifecycles + "}", "dev.logRetentionDays\" must be one of"},
                {"{\"regoin\": \"eu-west-1\", " + lifecycles + "}", "unknown field \"environments.dev.regoin\""},
                {"{}", "dev.lifecycles\" is required"},
                {"{\"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"schedules\": {\"retire\": \"rate(1 day)\"}}, "
                        + "{\"document\": " + RETIRE_DOC + ", \"schedules\": {\"retire\": \"rate(2 days)\"}}]}",
                        "already used"},
                {"{\"lifecycles\": [{\"schedules\": {\"retire\": \"rate(1 day)\"}}]}", "exactly one of"},
                {"{\"resultEventBus\": \"arn:aws:sns:eu-west-1:123456789012:topic\", " + lifecycles + "}",
                        "dev.resultEventBus\" must be an EventBridge event bus name"},
                {"{\"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"staleAfterHours\": 169, "
                        + "\"schedules\": {\"retire\": \"rate(1 day)\"}}]}", "dev.lifecycles[0].staleAfterHours\" must be between 1 and 168"},
                {"{\"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"staleAfterHours\": 1.5, "
                        + "\"schedules\": {\"retire\": \"rate(1 day)\"}}]}", "staleAfterHours\" must be a whole number"},
        }) {
            String message = error(settings(bad[0]));
            assertTrue(message.contains(bad[1]), bad[0] + " -> " + message);
        }
        assertTrue(error("{\"environments\": {\"Dev\": {}}}").contains("\"environments.Dev\" is not a valid environment name"));
        assertTrue(error("{\"environments\": {}}").contains("no environment"));
        assertTrue(error("{\"environments\": ").contains("not valid JSON"));
        assertTrue(error("[]").contains("the settings file must be a JSON object"));
        assertTrue(error("{\"environments\": {\"dev\": {}}} {}").contains("not valid JSON"));
    }

    @Test
    void theParameterPrefixIsTheEnvironmentsOwnAndCheckedAgainstSsmsNamingRules() {
        String lifecycles = "\"lifecycles\": [{\"document\": " + RETIRE_DOC + ", \"schedules\": {\"retire\": \"rate(1 day)\"}}]";
        assertEquals("/team-a/copies", Settings.parse(settings("{\"parameterPrefix\": \"/team-a/copies\", " + lifecycles + "}"),
                Path.of(".")).environment("dev").parameterPrefix());
        for (String[] bad : new String[][] {
                {"aurora-echo", "starts with /"},
                {"/aws/echo", "reserves names starting with aws or ssm"},
                {"/team a", "a-z A-Z 0-9 _ . -"},
                {"/echo/", "no trailing /"},
                {"/1/2/3/4/5/6/7/8/9/10/11/12/13/14", "15 levels"},
        }) {
            String message = error(settings("{\"parameterPrefix\": \"" + bad[0] + "\", " + lifecycles + "}"));
            assertTrue(message.contains("dev.parameterPrefix") && message.contains(bad[1]), bad[0] + " -> " + message);
        }
    }

    @Test
    void aDocumentFileIsReadRelativeToTheSettingsFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("events"));
        Files.writeString(dir.resolve("events/tiny.json"), "{\n  \"managedName\": \"tiny\",\n"
                + "  \"hostedZoneIds\": [\"Z0123456789ABC\"],\n  \"recordSetName\": \"db.example.com\"\n}\n");
        Path file = dir.resolve("environments.json");
        Files.writeString(file, settings("{\"lifecycles\": [{\"documentFile\": \"events/tiny.json\", "
                + "\"schedules\": {\"retire\": \"rate(1 day)\"}}]}"));
        LifecycleSchedule lifecycle = Settings.load(file).environment("dev").lifecycles().get(0);
        assertEquals("tiny", lifecycle.managedName());
        assertEquals("{\"managedName\":\"tiny\",\"hostedZoneIds\":[\"Z0123456789ABC\"],"
                + "\"recordSetName\":\"db.example.com\"}", lifecycle.documentJson());

        Files.writeString(file, settings("{\"lifecycles\": [{\"documentFile\": \"events/none.json\", "
                + "\"schedules\": {\"retire\": \"rate(1 day)\"}}]}"));
        String message = assertThrows(SettingsException.class, () -> Settings.load(file)).getMessage();
        assertTrue(message.contains("cannot read") && message.contains("none.json"), message);
        assertTrue(assertThrows(SettingsException.class, () -> Settings.load(dir.resolve("missing.json")))
                .getMessage().contains("not found"));
    }

    @Test
    void aMissingLambdaJarIsAClearError(@TempDir Path dir) {
        String message = assertThrows(SettingsException.class,
                () -> InfraApp.requireJar(dir.resolve("aurora-echo.jar"))).getMessage();
        assertTrue(message.contains("does not exist") && message.contains("mvn -B -DskipTests package"), message);
    }
}
