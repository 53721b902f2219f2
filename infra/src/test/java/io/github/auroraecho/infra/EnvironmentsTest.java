package io.github.auroraecho.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's own infra/environments.json, and an environment without account or region. */
class EnvironmentsTest {
    /** Surefire runs in the module directory. */
    private static final Path REAL_SETTINGS = Path.of("environments.json");

    @Test
    void everyConfiguredEnvironmentSynthesizesWithoutAwsSolutionsFindings() {
        Settings settings = Settings.load(REAL_SETTINGS);
        assertTrue(settings.environmentNames().containsAll(List.of("dev", "prod")), settings.environmentNames()
                .toString());
        for (String name : settings.environmentNames()) {
            EnvironmentSettings environment = settings.environment(name);
            AuroraEchoStack stack = Fixtures.stack(environment);
            assertEquals(List.of(), Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp(
                    "AwsSolutions-.*")), name);
            Template template = Template.fromStack(stack);
            int schedules = environment.lifecycles().stream().mapToInt(l -> l.schedules().size()).sum();
            assertEquals(schedules, Fixtures.schedules(stack).size());
            template.resourceCountIs("AWS::Lambda::Function", 8);
            // What reaches people: every function's failures, each promoted lifecycle's staleness, one dashboard.
            template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 8);
            template.allResourcesProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                    "DestinationConfig", Match.objectLike(Map.of("OnFailure", Match.anyValue())))));
            template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
            long promoted = environment.lifecycles().stream()
                    .filter(l -> l.schedules(io.github.auroraecho.lifecycle.Operation.PROMOTE)).count();
            assertEquals(promoted, stack.stalenessAlarms().size(), name);
            // Each in its lifecycle's nested stack (LifecycleStacks), with its schedules.
            stack.stalenessAlarms().stream().map(software.amazon.awscdk.Stack::of).distinct().forEach(nested -> {
                assertTrue(nested != stack, name + ": the staleness alarms are in nested stacks");
                Template.fromStack(nested).allResourcesProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                        "TreatMissingData", "breaching", "MetricName", "ServedCopyAge")));
            });
        }
    }

    @Test
    void anEnvironmentWithoutLifecyclesKeepsItsFunctionsAndHasNoLifecycleStacks() {
        // The first of the two deployments that move a stack to the lifecycle stacks (docs/deploying.md).
        AuroraEchoStack empty = Fixtures.stack(Settings.parse("{\"environments\": {\"empty\": {\"lifecycles\": []}}}",
                Path.of(".")).environment("empty"));
        Template template = Template.fromStack(empty);
        template.resourceCountIs("AWS::Lambda::Function", 8);
        template.resourceCountIs("AWS::CloudFormation::Stack", 0);
        assertEquals(List.of(), empty.stalenessAlarms());
        assertEquals(List.of(), Annotations.fromStack(empty).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    }

    @Test
    void devGrantsTheDefaultGroupsRdsAppliesAndNoUnscopedSecret() {
        Map<String, Object> template = Template.fromStack(Fixtures.stack(Settings.load(REAL_SETTINGS)
                .environment("dev"))).toJSON();
        for (String role : List.of("NewRole", "CloneRole")) {
            List<String> resources = TemplateJson.statements(template, role).stream()
                    .flatMap(s -> s.resources().stream()).toList();
            assertTrue(resources.stream().anyMatch(r -> r.endsWith(":og:default:aurora*")), role + ": " + resources);
            assertTrue(resources.stream().anyMatch(r -> r.endsWith(":pg:default.aurora*")), role + ": " + resources);
        }
        assertTrue(TemplateJson.statements(template, "").stream().filter(s -> s.hasAction("secretsmanager:"))
                .allMatch(s -> !s.conditions().isEmpty()));
    }

    @Test
    void devSchedulesTheTestEventsDocumentsAsTheyAre() throws Exception {
        EnvironmentSettings dev = Settings.load(REAL_SETTINGS).environment("dev");
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String event : List.of("new", "clone")) {
            String document = mapper.readTree(java.nio.file.Files.readString(
                    Path.of("../test-events/" + event + ".json"))).toString();
            assertTrue(dev.lifecycles().stream().anyMatch(l -> l.documentJson().equals(document)
                    && l.schedules(io.github.auroraecho.lifecycle.Operation.fromCliName(event).orElseThrow())),
                    event);
        }
    }

    @Test
    void anEnvironmentWithoutAccountOrRegionIsEnvironmentAgnostic() {
        AuroraEchoStack stack = Fixtures.stack(Fixtures.testSettings().environment("agnostic"));
        assertTrue(Token.isUnresolved(stack.getAccount()));
        assertTrue(Token.isUnresolved(stack.getRegion()));
        assertEquals(List.of(), Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp(
                "AwsSolutions-.*")));
        Template template = Template.fromStack(stack);
        assertEquals(1, Fixtures.schedules(stack).size());
        // No email configured: no subscription.
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        // Retire's ARNs use the deploy-time account and region.
        String retire = TemplateJson.statements(template.toJSON(), "RetireRole").stream()
                .filter(s -> s.hasAction("rds:DeleteDBCluster")).findFirst().orElseThrow().resources().get(0);
        assertEquals("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:"
                + "${aws:ResourceTag/aurora-echo:lifecycle}-????-??-??*", retire);
        assertFalse(template.toJSON().toString().contains("123456789012"));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Runtime", "java21")));
    }

    @Test
    void theShippedExamplesSchedulesAgreeWithEachOtherAndAContradictionIsASynthWarning() {
        Settings settings = Settings.load(REAL_SETTINGS);
        for (String name : settings.environmentNames()) {
            AuroraEchoStack shipped = Fixtures.stack(settings.environment(name));
            assertEquals(List.of(), Annotations.fromStack(shipped).findWarning("*", Match.stringLikeRegexp(
                    ".*" + AuroraEchoStack.SCHEDULE_WARNING + ".*")), name);
        }
        // The example as it was: weekday promotes with the default staleAfterHours and a daily new.
        String before = java.util.regex.Pattern.compile("\"staleAfterHours\": 80,(\\s*\"schedules\": \\{\\s*\"new\": )"
                + "\"cron\\(0 1 \\? \\* MON-FRI \\*\\)\"").matcher(readSettings()).replaceFirst("$1\"cron(0 1 * * ? *)\"");
        assertTrue(before.contains("\"new\": \"cron(0 1 * * ? *)\""), before);
        AuroraEchoStack old = Fixtures.stack(Settings.parse(before, Path.of(".")).environment("prod"));
        List<String> warnings = Annotations.fromStack(old).findWarning("*", Match.stringLikeRegexp(
                ".*" + AuroraEchoStack.SCHEDULE_WARNING + ".*")).stream()
                .map(message -> String.valueOf(message.getEntry().getData())).toList();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("environments.prod, lifecycle reporting: its staleness alarm fires when "
                + "nothing is wrong"), warnings.get(0));
        assertTrue(warnings.get(1).contains("makes copies on Saturday, Sunday that no promote"), warnings.get(1));
    }

    private static String readSettings() {
        try {
            return java.nio.file.Files.readString(REAL_SETTINGS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * docs/deploying.md's first deployment, as a user follows it: its environments file in a directory of their own
     * outside the repository, its document (test-events/new.json's copy) beside it, loaded as {@code -c settings=}
     * gives it to the app: an environment that synthesizes with the four schedules.
     */
    @Test
    void theFirstDeploymentsOwnSettingsFileOutsideTheRepositorySynthesizes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        String page = java.nio.file.Files.readString(Path.of("..", "docs", "deploying.md"));
        java.util.regex.Matcher example = java.util.regex.Pattern.compile("## Your first deployment.*?```json\\n(.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(page);
        assertTrue(example.find(), "the environments file of docs/deploying.md's first deployment");
        Path own = java.nio.file.Files.createDirectories(dir.resolve("my-aurora-echo"));
        java.nio.file.Files.writeString(own.resolve("environments.json"), example.group(1));
        java.nio.file.Files.copy(Path.of("..", "test-events", "new.json"), own.resolve("staging.json"));

        Path root = Path.of("..").toAbsolutePath().normalize();
        String settingsOption = root.relativize(own.resolve("environments.json")).toString();

        EnvironmentSettings mine = Settings.load(root.resolve(settingsOption)).environment("mine");

        assertEquals(1, mine.lifecycles().size());
        assertEquals(4, mine.lifecycles().get(0).schedules().size());
        assertEquals(4, Fixtures.schedules(Fixtures.stack(mine)).size());
    }
}
