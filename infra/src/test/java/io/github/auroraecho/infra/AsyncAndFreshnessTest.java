package io.github.auroraecho.infra;

import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches people: event-invoke configs with destinations, staleness alarms and the dashboard. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncAndFreshnessTest {
    private AuroraEchoStack stack;
    private Template template;

    @BeforeAll
    void synth() {
        stack = Fixtures.stack(Fixtures.testSettings().environment("test"));
        template = Template.fromStack(stack);
    }

    private String logicalId(IConstruct construct) {
        IConstruct resource = construct.getNode().getDefaultChild();
        return stack.resolve(Stack.of(construct).getLogicalId((CfnElement) (resource != null ? resource : construct)))
                .toString();
    }

    private String logicalId(String path) {
        return logicalId(stack.getNode().findChild(path));
    }

    @Test
    void everyFunctionsAliasHasItsChosenRetriesAgeAndTheTopicAsOnFailureDestination() {
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 8);
        for (Operation operation : Operation.values()) {
            AsyncInvocation chosen = AsyncInvocation.of(operation);
            template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                    "FunctionName", Map.of("Ref", logicalId(stack.stages().get(operation).function())),
                    // The alias "live", which every schedule invokes: its name taken from the alias's ARN.
                    "Qualifier", Match.objectLike(Map.of("Fn::Select", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Fn::Split", Match.arrayWith(List.of(Map.of("Ref", logicalId(stack.stages().get(operation).alias())))))))))),
                    "MaximumRetryAttempts", chosen.retryAttempts(),
                    "MaximumEventAgeInSeconds", chosen.maxEventAge().toSeconds().intValue(),
                    "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Map.of("Ref", logicalId("Alarms")))))));
        }
        assertEquals(0, AsyncInvocation.of(Operation.NEW).retryAttempts());
        assertTrue(AsyncInvocation.of(Operation.PROMOTE).maxEventAge().toMinutes().doubleValue() <= 15,
                "promote must not move DNS hours after its schedule");
        // Lambda publishes the failure record with the function's role.
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "sns:Publish",
                        "Resource", Map.of("Ref", logicalId("Alarms")))))))))));
    }

    @Test
    void withoutAResultBusThereIsNoOnSuccessDestination() {
        template.allResourcesProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of("DestinationConfig",
                Match.objectEquals(Map.of("OnFailure", Match.anyValue())))));
    }

    @Test
    void aResultBusReceivesEverySuccessfulRunsResult() {
        Template withBus = Template.fromStack(Fixtures.stack(Fixtures.testSettings().environment("agnostic")));
        withBus.resourceCountIs("AWS::Lambda::EventInvokeConfig", 8);
        withBus.allResourcesProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of("DestinationConfig",
                Match.objectLike(Map.of("OnSuccess", Map.of("Destination", Match.objectLike(Map.of(
                        "Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(":event-bus/team-results"))))))))))));
        withBus.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "events:PutEvents")))))))));
    }

    /** The staleness alarm of a lifecycle, and the template of the nested stack that holds it. */
    private static Alarm alarmOf(AuroraEchoStack stack, String managedName) {
        return stack.stalenessAlarms().stream().filter(a -> a.getNode().getId().equals("Stale-" + managedName))
                .findFirst().orElseThrow(() -> new AssertionError("no staleness alarm of " + managedName));
    }

    @Test
    void eachPromotedLifecycleHasAStalenessAlarmThatTreatsSilenceAsStale() {
        for (String name : List.of("staging", "qa")) {
            Alarm alarm = alarmOf(stack, name);
            // In its lifecycle's nested stack, with its schedules (LifecycleStacks).
            assertEquals(LifecycleStacks.idOf(LifecycleStacks.indexOf(name)), Stack.of(alarm).getNode().getId());
            Template alarms = Template.fromStack(Stack.of(alarm));
            String topicParameter = alarms.findParameters("*", Map.of()).keySet().stream()
                    .filter(parameter -> parameter.contains("Alarms")).findFirst().orElseThrow();
            int hours = name.equals("qa") ? 60 : 36;
            alarms.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.ofEntries(
                    Map.entry("AlarmName", "aurora-echo-test-" + name + "-stale"),
                    Map.entry("Namespace", "AuroraEcho"),
                    Map.entry("MetricName", "ServedCopyAge"),
                    Map.entry("Dimensions", Match.arrayWith(List.of(Map.of("Name", "Environment", "Value", "test"),
                            Map.of("Name", "Lifecycle", "Value", name)))),
                    Map.entry("Statistic", "Minimum"),
                    Map.entry("Period", 3600),
                    Map.entry("EvaluationPeriods", hours),
                    Map.entry("DatapointsToAlarm", hours),
                    Map.entry("Threshold", hours * 3600),
                    Map.entry("ComparisonOperator", "GreaterThanThreshold"),
                    Map.entry("TreatMissingData", "breaching"),
                    Map.entry("AlarmActions", List.of(Map.of("Ref", topicParameter))),
                    Map.entry("OKActions", List.of(Map.of("Ref", topicParameter))))));
        }
        assertEquals(2, stack.stalenessAlarms().size());
        // CloudWatch's limit for one-hour periods: at most seven days of evaluation.
        stack.environmentSettings().lifecycles().forEach(l -> assertTrue(l.staleAfterHours() * 3600 <= 604_800));
    }

    @Test
    void aLifecycleThatNeverPromotesHasNoStalenessAlarm() {
        AuroraEchoStack agnostic = Fixtures.stack(Fixtures.testSettings().environment("agnostic"));
        assertEquals(List.of(), agnostic.stalenessAlarms());
    }

    @Test
    void oneDashboardShowsFreshnessOutcomesErrorsAndDeadLetters() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        Map<String, Object> properties = cast(dashboards.values().iterator().next().get("Properties"));
        assertEquals("aurora-echo-test", properties.get("DashboardName"));
        String body = TemplateJson.flatten(properties.get("DashboardBody"));
        for (String expected : List.of("Freshness by lifecycle", "MetricName=\\\"ServedCopyAge\\\"",
                "MetricName=\\\"SourcePointAge\\\"", "{AuroraEcho,Environment,Stage} Environment=\\\"test\\\"",
                "MetricName=\\\"Failed\\\"", "\"Errors\"", "ApproximateNumberOfMessagesVisible",
                "OR \\\"Refused\\\"")) {
            assertTrue(body.contains(expected), expected + " in " + body);
        }
        assertTrue(body.contains("aurora-echo-test-staging-stale") || body.contains(logicalId("Stale-staging")),
                "the staleness alarms are on the dashboard: " + body);
        assertFalse(body.contains("Lifecycle\\\"=\\\"staging"), "graphs find lifecycles by SEARCH, not one by one");
    }

    /**
     * Each metric a run publishes per lifecycle is a custom metric per lifecycle (EmfLine.SERIES): the alarm and the
     * dashboard read exactly those, so none is paid for unread, and all they read is published.
     */
    @Test
    void aLifecyclesOwnMetricsAreExactlyWhatItsAlarmAndTheDashboardRead() {
        Map<String, Object> properties = cast(template.findResources("AWS::CloudWatch::Dashboard").values().iterator()
                .next().get("Properties"));
        String body = TemplateJson.flatten(properties.get("DashboardBody")).replace("\\\"", "\"");
        java.util.Set<String> read = new java.util.TreeSet<>();
        java.util.regex.Matcher search = java.util.regex.Pattern.compile("\\{AuroraEcho,([A-Za-z,]+)\\} "
                + "Environment=\"test\" MetricName=(?:\"(\\w+)\"|\\(([^)]*)\\))").matcher(body);
        while (search.find()) {
            String names = search.group(2) != null ? search.group(2) : search.group(3).replace("\"", "");
            for (String name : names.split(" OR ")) {
                read.add(name + List.of(search.group(1).split(",")));
            }
        }
        assertTrue(read.size() >= 4, body);
        read.add(io.github.auroraecho.lambda.EmfLine.SERVED_COPY_AGE + "[Environment, Lifecycle]"); // the alarm
        java.util.Set<String> published = new java.util.TreeSet<>();
        io.github.auroraecho.lambda.EmfLine.SERIES.forEach((name, sets) -> sets.forEach(set ->
                published.add(name + set)));
        assertTrue(published.containsAll(read), "read but never published: " + read + " vs " + published);
        java.util.Set<String> perLifecycle = new java.util.TreeSet<>(published);
        perLifecycle.removeIf(series -> !series.contains("Lifecycle"));
        java.util.Set<String> readPerLifecycle = new java.util.TreeSet<>(read);
        readPerLifecycle.removeIf(series -> !series.contains("Lifecycle"));
        assertEquals(perLifecycle, readPerLifecycle, "published per lifecycle but read by nothing");
        assertEquals(List.of("Failed[Environment, Lifecycle]", "ServedCopyAge[Environment, Lifecycle]",
                "SourcePointAge[Environment, Lifecycle]"), List.copyOf(perLifecycle));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void twoHundredFiftyLifecyclesAddOneAlarmEachAndADashboardWellUnderItsLimit() throws InterruptedException {
        StringBuilder lifecycles = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            lifecycles.append(i == 0 ? "" : ",").append("{\"document\": {\"managedName\": \"life").append(i)
                    .append("\", \"hostedZoneIds\": [\"Z0123456789ABCDEFGHIJ\"], \"recordSetName\": \"db")
                    .append(i).append(".example.com\"}, \"schedules\": {\"promote\": \"cron(0 6 * * ? *)\"}}");
        }
        Settings settings = Settings.parse("{\"environments\": {\"big\": {\"lifecycles\": [" + lifecycles + "]}}}",
                java.nio.file.Path.of("."));
        AuroraEchoStack[] built = new AuroraEchoStack[1];
        Template[] synthesized = new Template[1];
        // jsii answers each of CDK's callbacks (the stack's logical-ID rule, one per resource) one stack frame deeper:
        // 250 lifecycles overflow a default thread stack.
        Thread synth = new Thread(null, () -> {
            built[0] = Fixtures.stack(settings.environment("big"));
            synthesized[0] = Template.fromStack(built[0]);
        }, "synth", 512L * 1024 * 1024);
        synth.start();
        synth.join();
        AuroraEchoStack bigStack = built[0];
        Template big = synthesized[0];

        big.resourceCountIs("AWS::CloudWatch::Alarm", 16);
        int nested = cast(big.findResources("AWS::CloudFormation::Stack")).size();
        assertTrue(nested <= LifecycleStacks.COUNT, nested + " nested stacks");
        assertEquals(250, bigStack.stalenessAlarms().size());
        assertTrue(bigStack.stalenessAlarms().stream().allMatch(a -> Stack.of(a) != bigStack),
                "every staleness alarm is in a lifecycles' nested stack");
        System.out.println("resources for 250 lifecycles (one schedule each): "
                + cast(big.toJSON().get("Resources")).size() + " in the stack, the alarms in " + nested + " nested ones");
        Map<String, Object> properties = cast(big.findResources("AWS::CloudWatch::Dashboard").values().iterator().next()
                .get("Properties"));
        int bytes = TemplateJson.flatten(properties.get("DashboardBody")).length();
        System.out.println("dashboard body for 250 lifecycles: " + bytes + " characters");
        assertTrue(bytes < 1_000_000 / 10, "CloudWatch allows a 1 MB dashboard body: " + bytes);
    }
}
