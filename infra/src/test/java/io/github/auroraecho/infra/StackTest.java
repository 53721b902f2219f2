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

    /** The logical ID of the construct at {@code path} below the stack, such as {@code New/Logs}. */
    private String logicalIdOf(String path) {
        IConstruct construct = stack;
        for (String id : path.split("/")) {
            construct = construct.getNode().findChild(id);
        }
        return logicalId(construct);
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
                            "LogGroup", Map.of("Ref", logicalIdOf(id(operation) + "/Logs")))),
                    "Environment", Map.of("Variables", Map.of("JAVA_TOOL_OPTIONS",
                            "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", "AURORA_ECHO_ENVIRONMENT", "test")),
                    "MemorySize", stack.sizeOf(operation).memoryMb(),
                    "Timeout", stack.sizeOf(operation).timeoutSeconds())));
        }
        // Promote waits up to the documents' dnsSyncTimeoutSeconds (600 in the test settings) for INSYNC.
        assertEquals(780, stack.sizeOf(Operation.PROMOTE).timeoutSeconds());
        template.resourceCountIs("AWS::Logs::LogGroup", 5);
        template.allResourcesProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 30)));
    }

    @Test
    void oneStageFunctionConstructPerStageHoldsThatStagesResources() {
        List<StageFunction> constructs = stack.getNode().getChildren().stream()
                .filter(StageFunction.class::isInstance).map(StageFunction.class::cast).toList();
        assertEquals(List.of(Operation.values()), constructs.stream().map(StageFunction::operation).toList());
        for (StageFunction stage : constructs) {
            assertEquals(stack.stages().get(stage.operation()), stage);
            assertEquals(Set.of("Logs", "Role", "Function", "Alias", "DeadLetters", "ErrorsAlarm", "DeadLettersAlarm"),
                    Set.copyOf(stage.getNode().getChildren().stream().map(c -> c.getNode().getId()).toList()));
            Map<?, ?> function = (Map<?, ?>) ((Map<?, ?>) json.get("Resources")).get(logicalId(stage.function()));
            assertEquals("aurora-echo-test-" + stage.operation().cliName(),
                    ((Map<?, ?>) function.get("Properties")).get("FunctionName"));
        }
    }

    @Test
    void stageResourcesKeepTheLogicalIdsTheyHadBeforeStageFunctionGroupedThem() {
        // New/Function is NewFunction<hash of NewFunction/Resource>, as when the function was the stack's child:
        // a deployed stack updates its stage resources in place instead of replacing them.
        for (Operation operation : Operation.values()) {
            for (String child : List.of("Logs", "Role", "Function", "Alias", "DeadLetters", "ErrorsAlarm",
                    "DeadLettersAlarm")) {
                assertEquals(LogicalIds.of(List.of(id(operation) + child, "Resource")),
                        logicalIdOf(id(operation) + "/" + child));
            }
        }
        // LogicalIds is CDK's own rule: it gives every other resource the ID CDK gave it.
        int checked = 0;
        for (IConstruct construct : stack.getNode().findAll()) {
            // The staleness alarms' nested stacks give their own resources their IDs.
            if (construct instanceof CfnElement element && Stack.of(element) == stack && element.getNode().getScopes()
                    .stream().noneMatch(StageFunction.class::isInstance)) {
                List<String> path = element.getNode().getScopes().stream().skip(2)
                        .map(scope -> scope.getNode().getId()).toList();
                assertEquals(stack.resolve(element.getLogicalId()), LogicalIds.of(path), String.join("/", path));
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void eachFunctionHasALiveAliasOnAPublishedVersion() {
        template.resourceCountIs("AWS::Lambda::Alias", 5);
        template.resourceCountIs("AWS::Lambda::Version", 5);
        for (Operation operation : Operation.values()) {
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                    "Name", "live",
                    "FunctionName", Map.of("Ref", logicalIdOf(id(operation) + "/Function")),
                    "FunctionVersion", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Version"))))));
        }
    }

    @Test
    void oneScheduleForEachLifecycleAndStageWithTheDocumentAsExactInput() {
        template.resourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
        template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", Map.of("Name", "aurora-echo-test"));
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
                template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                        "Name", managedName + "-" + operation.cliName(),
                        "GroupName", "aurora-echo-test",
                        "ScheduleExpression", expression,
                        "ScheduleExpressionTimezone", zone,
                        "State", enabled ? "ENABLED" : "DISABLED",
                        "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                        "Target", Map.of(
                                "Arn", Map.of("Ref", logicalIdOf(id(operation) + "/Alias")),
                                "Input", document,
                                "RoleArn", Map.of("Fn::GetAtt", List.of(logicalIdOf("SchedulerRole"), "Arn")),
                                "DeadLetterConfig", Map.of("Arn", Map.of("Fn::GetAtt",
                                        List.of(logicalIdOf(id(operation) + "/DeadLetters"), "Arn"))),
                                "RetryPolicy", Map.of("MaximumRetryAttempts", 3,
                                        "MaximumEventAgeInSeconds", 3600))));
                expected++;
            }
        }
        assertEquals(8, expected);
        template.allResources("AWS::Scheduler::Schedule", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(logicalIdOf("ScheduleGroup"))))));
        template.resourceCountIs("AWS::Scheduler::Schedule", expected);
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
            aliases.add("${" + logicalIdOf(id(operation) + "/Alias") + "}");
            queues.add("${" + logicalIdOf(id(operation) + "/DeadLetters") + ".Arn}");
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
    void everyMutatingRdsActionOnCopiesNeedsTheLifecycleStageTag() {
        int checked = 0;
        for (TemplateJson.Statement statement : allStageStatements()) {
            boolean mutating = statement.actions().stream().anyMatch(a -> a.startsWith("rds:") && !readOnly(a));
            boolean onCopies = statement.resources().stream().anyMatch(r -> r.matches(".*:(cluster|db):.*\\?.*"));
            if (!mutating || !onCopies) {
                continue;
            }
            String name = statement.resources().get(0).replaceAll(".*:(?:cluster|db):(.*?)-\\?.*", "$1");
            String key = "aurora-echo:" + name + ":stage";
            boolean requestTag = statement.condition("StringEquals", "aws:RequestTag/" + key) != null;
            boolean resourceTag = statement.condition("StringEquals", "aws:ResourceTag/" + key) != null
                    || "false".equals(statement.condition("Null", "aws:ResourceTag/" + key));
            assertTrue(requestTag || resourceTag, "no stage tag condition on " + statement);
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void createsOnlyNamedAndTaggedAsNewCopiesOfTheLifecycle() {
        for (Operation operation : List.of(Operation.NEW, Operation.CLONE)) {
            String name = operation == Operation.NEW ? "staging" : "qa";
            TemplateJson.Statement create = stageStatements(operation).stream()
                    .filter(s -> s.hasAction("rds:CreateDBInstance") && s.actions().size() > 1).findFirst()
                    .orElseThrow();
            assertEquals(List.of("arn:aws:rds:" + REGION + ":" + ACCOUNT + ":cluster:" + name + "-????-??-??*",
                            "arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:" + name + "-????-??-??*"),
                    create.resources().stream().map(r -> r.replace("${AWS::Partition}", "aws")).toList());
            assertEquals("new", create.condition("StringEquals", "aws:RequestTag/aurora-echo:" + name + ":stage"));
            assertTrue(create.actions().contains(operation == Operation.NEW ? "rds:RestoreDBClusterFromSnapshot"
                    : "rds:RestoreDBClusterToPointInTime"), create.toString());
        }
        // A clone may read its source at a point in time: that exact cluster only.
        assertTrue(stageStatements(Operation.CLONE).stream().anyMatch(s ->
                s.actions().equals(List.of("rds:RestoreDBClusterToPointInTime"))
                        && s.resources().stream().anyMatch(r -> r.endsWith(":cluster:production"))));
    }

    @Test
    void onlyRetireDeletesAndOnlyRetiredCopies() {
        for (Operation operation : Operation.values()) {
            for (TemplateJson.Statement statement : stageStatements(operation)) {
                if (!statement.actions().stream().anyMatch(a -> a.contains(":Delete"))) {
                    continue;
                }
                assertEquals(Operation.RETIRE, operation, statement.toString());
                for (String resource : statement.resources()) {
                    if (resource.contains(":cluster-snapshot:")) {
                        // Only the name of the final snapshot DeleteDBCluster creates (finalSnapshot: true).
                        assertTrue(resource.endsWith(":cluster-snapshot:staging-????-??-??*"), resource);
                        assertFalse(statement.actions().contains("rds:DeleteDBInstance"));
                        continue;
                    }
                    assertTrue(resource.matches(".*:rds:" + REGION + ":" + ACCOUNT
                            + ":(cluster|db):[a-z]+-\\?\\?\\?\\?-\\?\\?-\\?\\?\\*"), resource);
                    String name = resource.replaceAll(".*:(?:cluster|db):(.*?)-\\?.*", "$1");
                    assertEquals("retired", statement.condition("StringEquals",
                            "aws:ResourceTag/aurora-echo:" + name + ":stage"), "unconditioned delete: " + statement);
                }
            }
        }
    }

    @Test
    void stageMovesWriteOnlyTheStageTagWithTheStagesOwnValues() {
        // Every stage that looks at copies marks a broken one retired; modify and promote move them on.
        Map<Operation, List<String>> values = Map.of(
                Operation.NEW, List.of("retired"),
                Operation.CLONE, List.of("retired"),
                Operation.MODIFY, List.of("modified", "retired"),
                Operation.PROMOTE, List.of("promoted", "retired"),
                Operation.RETIRE, List.of("retired"));
        values.forEach((operation, allowed) -> {
            List<TemplateJson.Statement> moves = stageStatements(operation).stream()
                    .filter(s -> s.actions().equals(List.of("rds:AddTagsToResource"))
                            && s.resources().stream().noneMatch(r -> r.contains("cluster-snapshot")))
                    .toList();
            int lifecycles = operation == Operation.NEW || operation == Operation.CLONE ? 1 : 2;
            assertEquals(lifecycles, moves.size(), operation + ": one per lifecycle");
            for (TemplateJson.Statement move : moves) {
                String name = move.resources().get(0).replaceAll(".*:(?:cluster|db):(.*?)-\\?.*", "$1");
                String key = "aurora-echo:" + name + ":stage";
                assertEquals("false", move.condition("Null", "aws:ResourceTag/" + key));
                assertEquals(allowed, TemplateJson.asList(move.condition("StringEquals", "aws:RequestTag/" + key)));
                // The time of the move goes on the cluster in the same call as the stage (retire needs its drain).
                List<String> keys = new ArrayList<>(List.of(key));
                if (allowed.contains("modified")) {
                    keys.add("aurora-echo:" + name + ":modified-at");
                }
                keys.add("aurora-echo:" + name + ":retired-at");
                assertEquals(keys, TemplateJson.asList(move.condition("ForAllValues:StringEquals",
                        "aws:TagKeys")));
            }
        });
    }

    @Test
    void modifyAssociatesRolesOnlyOnNewCopiesAndPassesOnlyTheConfiguredRoles() {
        TemplateJson.Statement addRole = stageStatements(Operation.MODIFY).stream()
                .filter(s -> s.actions().equals(List.of("rds:AddRoleToDBCluster"))).findFirst().orElseThrow();
        assertEquals("new", addRole.condition("StringEquals", "aws:ResourceTag/aurora-echo:staging:stage"));
        TemplateJson.Statement passRole = stageStatements(Operation.MODIFY).stream()
                .filter(s -> s.actions().equals(List.of("iam:PassRole"))).findFirst().orElseThrow();
        assertEquals(List.of("arn:${AWS::Partition}:iam::" + ACCOUNT + ":role/staging-s3-import",
                "arn:aws:iam::123456789012:role/other-role"), passRole.resources());
        assertEquals("rds.amazonaws.com", passRole.condition("StringEquals", "iam:PassedToService"));
        for (Operation operation : Operation.values()) {
            if (operation != Operation.MODIFY) {
                assertTrue(stageStatements(operation).stream().noneMatch(s -> s.hasAction("iam:")), operation
                        + " must not pass roles");
            }
        }
        // qa configures no role: nothing to associate, nothing to pass.
        assertTrue(stageStatements(Operation.MODIFY).stream()
                .noneMatch(s -> s.resources().stream().anyMatch(r -> r.contains(":cluster:qa-"))
                        && s.hasAction("rds:AddRoleToDBCluster")));
    }

    @Test
    void promoteChangesOnlyTheConfiguredRecordInTheConfiguredZones() {
        List<TemplateJson.Statement> changes = allStageStatements().stream()
                .filter(s -> s.hasAction("route53:ChangeResourceRecordSets")).toList();
        assertEquals(2, changes.size());
        for (TemplateJson.Statement change : changes) {
            assertTrue(change.policy().startsWith("PromoteRole"), change.toString());
            assertEquals(List.of("route53:ChangeResourceRecordSets"), change.actions());
            assertTrue(change.resources().stream().allMatch(r -> r.matches("arn:\\$\\{AWS::Partition}:route53:::"
                    + "hostedzone/Z[0-9A-Z]+")), change.toString());
            assertEquals(List.of("CNAME"), TemplateJson.asList(change.condition("ForAllValues:StringEquals",
                    "route53:ChangeResourceRecordSetsRecordTypes")));
            assertEquals(List.of("UPSERT"), TemplateJson.asList(change.condition("ForAllValues:StringEquals",
                    "route53:ChangeResourceRecordSetsActions")));
        }
        TemplateJson.Statement staging = changes.stream().filter(s -> s.sid().endsWith("Staging")).findFirst()
                .orElseThrow();
        assertEquals(2, staging.resources().size());
        // The document's trailing dot is normalised away, as Route53's condition key expects.
        assertEquals(List.of("db.staging.example.com"), TemplateJson.asList(staging.condition(
                "ForAllValues:StringEquals", "route53:ChangeResourceRecordSetsNormalizedRecordNames")));
    }

    @Test
    void promoteAndRetireReadOnlyTheConfiguredZones() {
        for (Operation operation : List.of(Operation.PROMOTE, Operation.RETIRE)) {
            List<TemplateJson.Statement> reads = stageStatements(operation).stream()
                    .filter(s -> s.hasAction("route53:GetHostedZone")).toList();
            assertEquals(2, reads.size(), operation + ": one per lifecycle");
            for (TemplateJson.Statement read : reads) {
                assertEquals(List.of("route53:GetHostedZone", "route53:ListResourceRecordSets"), read.actions());
                assertTrue(read.resources().stream().allMatch(r -> r.matches(
                        "arn:\\$\\{AWS::Partition}:route53:::hostedzone/Z[0-9A-Z]+")), read.toString());
            }
        }
        for (Operation operation : List.of(Operation.NEW, Operation.CLONE, Operation.MODIFY)) {
            assertTrue(stageStatements(operation).stream().noneMatch(s -> s.hasAction("route53:")), operation.name());
        }
    }

    @Test
    void eachFunctionWritesOnlyItsOwnLogGroup() {
        for (Operation operation : Operation.values()) {
            TemplateJson.Statement logs = stageStatements(operation).stream()
                    .filter(s -> s.hasAction("logs:")).findFirst().orElseThrow();
            assertEquals(List.of("${" + logicalIdOf(id(operation) + "/Logs") + ".Arn}"), logs.resources());
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
                            "Value", Map.of("Ref", logicalIdOf(id(operation) + "/Function")))),
                    "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmActions", List.of(toTopic))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible",
                    "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt",
                            List.of(logicalIdOf(id(operation) + "/DeadLetters"), "QueueName")))),
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
