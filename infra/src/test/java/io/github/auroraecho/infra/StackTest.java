package io.github.auroraecho.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack of the test settings (two lifecycles, one by snapshot restore and one by clone). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StackTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";

    private AuroraEchoStack stack;
    private Template template;
    private Map<String, Object> json;
    private JsonNode settings;

    @BeforeAll
    void synth() throws Exception {
        stack = Fixtures.stack(Fixtures.testSettings().environment("test"));
        template = Template.fromStack(stack);
        json = template.toJSON();
        settings = new ObjectMapper().readTree(Files.readString(Fixtures.testSettingsFile()))
                .path("environments").path("test");
    }

    private String logicalId(IConstruct construct) {
        IConstruct resource = construct.getNode().getDefaultChild();
        return Stack.of(construct).getLogicalId((CfnElement) (resource != null ? resource : construct));
    }

    private String logicalIdOf(String path) {
        return logicalId(stack.getNode().findChild(path));
    }

    private static String id(Operation operation) {
        String stage = operation.cliName();
        return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
    }

    @Test
    void fiveStageFunctionsOnJava21WithSnapStartAndJsonLogs() {
        template.resourceCountIs("AWS::Lambda::Function", 5);
        for (Operation operation : Operation.values()) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "aurora-echo-test-" + operation.cliName(),
                    "Handler", "io.github.auroraecho.lambda." + id(operation) + "Handler::handleRequest",
                    "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON",
                            "LogGroup", Map.of("Ref", logicalIdOf(id(operation) + "Logs")))),
                    "Environment", Map.of("Variables", Map.of("JAVA_TOOL_OPTIONS",
                            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")),
                    "MemorySize", stack.sizeOf(operation).memoryMb(),
                    "Timeout", stack.sizeOf(operation).timeoutSeconds())));
        }
        // Promote waits up to the documents' dnsSyncTimeoutSeconds (600 in the test settings) for INSYNC.
        assertEquals(780, stack.sizeOf(Operation.PROMOTE).timeoutSeconds());
        template.resourceCountIs("AWS::Logs::LogGroup", 5);
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
    }

    @Test
    void eachFunctionHasALiveAliasOnAPublishedVersion() {
        template.resourceCountIs("AWS::Lambda::Alias", 5);
        template.resourceCountIs("AWS::Lambda::Version", 5);
        for (Operation operation : Operation.values()) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live",
                    "FunctionName", Map.of("Ref", logicalIdOf(id(operation) + "Function")),
                    "FunctionVersion", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Version"))))));
        }
    }

    @Test
    void oneScheduleForEachLifecycleAndStageWithTheDocumentAsExactInput() {
        template.resourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
        template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", Map.of("Name", "aurora-echo-test"));
        List<Map<String, Object>> schedules = Fixtures.schedules(stack);
        int expected = 0;
        for (JsonNode lifecycle : settings.path("lifecycles")) {
            String document = lifecycle.path("document").toString();
            String managedName = lifecycle.path("document").path("managedName").asText();
            String defaultZone = lifecycle.path("timeZone").asText("Europe/London");
            for (var entry : lifecycle.path("schedules").properties()) {
                Operation operation = Operation.fromCliName(entry.getKey()).orElseThrow();
                JsonNode schedule = entry.getValue();
                String expression = schedule.isTextual() ? schedule.asText() : schedule.path("expression").asText();
                String zone = schedule.path("timeZone").asText(defaultZone);
                boolean enabled = schedule.path("enabled").asBoolean(true);
                Map<String, Object> found = schedules.stream()
                        .filter(s -> (managedName + "-" + operation.cliName()).equals(s.get("Name")))
                        .findFirst().orElseThrow(() -> new AssertionError("no schedule " + managedName + "-" + operation));
                assertEquals("aurora-echo-test", found.get("GroupName"));
                assertEquals(expression, found.get("ScheduleExpression"));
                assertEquals(zone, found.get("ScheduleExpressionTimezone"));
                assertEquals(enabled ? "ENABLED" : "DISABLED", found.get("State"));
                assertEquals(Map.of("Mode", "FLEXIBLE", "MaximumWindowInMinutes", 15), found.get("FlexibleTimeWindow"));
                @SuppressWarnings("unchecked")
                Map<String, Object> target = (Map<String, Object>) found.get("Target");
                assertEquals(document, target.get("Input"));
                assertEquals(Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600), target.get("RetryPolicy"));
                expected++;
            }
        }
        assertEquals(8, expected);
        assertEquals(expected, schedules.size());
    }

    @Test
    void theInputIsTheDocumentTextAndParsesBackForItsStage() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (Map<String, Object> schedule : TemplateJson.resources(json, "AWS::Scheduler::Schedule").values()) {
            @SuppressWarnings("unchecked")
            String input = (String) ((Map<String, Object>) schedule.get("Target")).get("Input");
            String name = (String) schedule.get("Name");
            String stage = name.substring(name.lastIndexOf('-') + 1);
            io.github.auroraecho.lifecycle.LifecycleConfig.parse(input, Operation.fromCliName(stage).orElseThrow());
            assertTrue(mapper.readTree(input).isObject(), name);
        }
    }

    @Test
    void theSchedulerRoleMayOnlyInvokeTheAliasesAndWriteTheDeadLetterQueues() {
        List<TemplateJson.Statement> statements = TemplateJson.statements(json, "SchedulerRole");
        Set<String> aliases = new java.util.HashSet<>();
        Set<String> queues = new java.util.HashSet<>();
        for (Operation operation : Operation.values()) {
            aliases.add("${" + logicalIdOf(id(operation) + "Alias") + "}");
            queues.add("${" + logicalIdOf(id(operation) + "DeadLetters") + ".Arn}");
        }
        assertFalse(statements.isEmpty());
        for (TemplateJson.Statement statement : statements) {
            if (statement.actions().equals(List.of("lambda:InvokeFunction"))) {
                assertTrue(aliases.containsAll(statement.resources()), statement.toString());
            } else {
                assertEquals(List.of("sqs:SendMessage"), statement.actions(), statement.toString());
                assertTrue(queues.containsAll(statement.resources()), statement.toString());
            }
        }
        template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", ACCOUNT))))))))));
    }

    private List<TemplateJson.Statement> stageStatements(Operation operation) {
        return TemplateJson.statements(json, id(operation) + "Role");
    }

    private List<TemplateJson.Statement> allStageStatements() {
        List<TemplateJson.Statement> all = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            all.addAll(stageStatements(operation));
        }
        return all;
    }

    private static boolean readOnly(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get");
    }

    @Test
    void noWildcardResourceOnAnythingButReadOnlyActions() {
        for (TemplateJson.Statement statement : allStageStatements()) {
            if (statement.resources().contains("*")) {
                assertTrue(statement.actions().stream().allMatch(StackTest::readOnly), statement.toString());
                assertTrue(statement.actions().stream().allMatch(a -> a.startsWith("rds:")), statement.toString());
            }
        }
    }

    @Test
    void eachFunctionWritesOnlyItsOwnLogGroup() {
        for (Operation operation : Operation.values()) {
            TemplateJson.Statement logs = stageStatements(operation).stream()
                    .filter(s -> s.hasAction("logs:")).findFirst().orElseThrow();
            assertEquals(List.of("${" + logicalIdOf(id(operation) + "Logs") + ".Arn}"), logs.resources());
        }
        template.resourcePropertiesCountIs("AWS::IAM::Role", Match.objectLike(Map.of(
                "ManagedPolicyArns", Match.anyValue())), 0);
    }

    @Test
    void alarmsOnErrorsOfEachFunctionAndOnEachDeadLetterQueueToTheTopic() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 10);
        Map<String, Object> toTopic = Map.of("Ref", logicalIdOf("Alarms"));
        for (Operation operation : Operation.values()) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "Namespace", "AWS/Lambda", "MetricName", "Errors",
                    "Dimensions", List.of(Map.of("Name", "FunctionName",
                            "Value", Map.of("Ref", logicalIdOf(id(operation) + "Function")))),
                    "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmActions", List.of(toTopic))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                    "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt",
                            List.of(logicalIdOf(id(operation) + "DeadLetters"), "QueueName")))),
                    "Threshold", 1, "AlarmActions", List.of(toTopic))));
        }
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "email", "Endpoint", "ops@example.com", "TopicArn", toTopic));
    }

    @Test
    void theAwsSolutionsPackReportsNoUnsuppressedFinding() {
        assertEquals(List.of(), Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        assertEquals(List.of(), Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    }

    @Test
    void theStackTargetsTheConfiguredAccountAndRegion() {
        assertEquals(ACCOUNT, stack.getAccount());
        assertEquals(REGION, stack.getRegion());
        assertEquals("AuroraEcho-test", stack.getStackName());
        assertNotNull(stack.alarmTopic());
    }
}
