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
    void aStageFunctionPerOperationOnJava21WithSnapStartAndJsonLogs() {
        assertEquals(8, Operation.values().length);
        template.resourceCountIs("AWS::Lambda::Function", 8);
        for (Operation operation : Operation.values()) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "aurora-echo-test-" + operation.cliName(),
                    "Handler", "io.github.auroraecho.lambda." + id(operation) + "Handler::handleRequest",
                    "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON",
                            "LogGroup", Map.of("Ref", logicalIdOf(id(operation) + "/Logs")))),
                    "MemorySize", stack.sizeOf(operation).memoryMb(),
                    "Timeout", stack.sizeOf(operation).timeoutSeconds())));
        }
        // Every log line is a JSON object: no JVM option variable, which the JVM would echo as plain text at each cold
        // start; java21 on Lambda stops tiered compilation at level 1 by default (docs/operations.md#logs).
        template.findResources("AWS::Lambda::Function").values().forEach(function -> assertEquals(
                Map.of("Variables", Map.of("AURORA_ECHO_ENVIRONMENT", "test",
                        "AURORA_ECHO_PARAMETER_PREFIX", "/aurora-echo")),
                ((Map<?, ?>) function.get("Properties")).get("Environment")));
        // Promote waits up to the documents' dnsSyncTimeoutSeconds (600 in the test settings) for INSYNC.
        assertEquals(780, stack.sizeOf(Operation.PROMOTE).timeoutSeconds());
        assertEquals(780, stack.sizeOf(Operation.ROLLBACK).timeoutSeconds(), "rollback waits as promote does");
        assertEquals(120, stack.sizeOf(Operation.STOP).timeoutSeconds(), "one call a copy");
        template.resourceCountIs("AWS::Logs::LogGroup", 8);
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
            // The lifecycles' nested stacks give their own resources their IDs.
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
        template.resourceCountIs("AWS::Lambda::Alias", 8);
        template.resourceCountIs("AWS::Lambda::Version", 8);
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
        // staging's document has running hours (MON-FRI 07:00-20:00 Europe/Berlin): start on those days, stop every
        // day; qa's has none.
        String staging = settings.path("lifecycles").get(0).path("document").toString();
        Map<String, String> runningHours = Map.of("staging-start", "cron(0 7 ? * MON,TUE,WED,THU,FRI *)",
                "staging-stop", "cron(0 20 ? * * *)");
        runningHours.forEach((name, expression) -> {
            Map<String, Object> found = schedules.stream().filter(s -> name.equals(s.get("Name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no schedule " + name));
            assertEquals(expression, found.get("ScheduleExpression"));
            assertEquals("Europe/Berlin", found.get("ScheduleExpressionTimezone"));
            assertEquals("ENABLED", found.get("State"));
            assertEquals("aurora-echo-test", found.get("GroupName"));
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) found.get("Target");
            assertEquals(staging, target.get("Input"));
            assertEquals(Map.of("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600), target.get("RetryPolicy"));
        });
        assertTrue(schedules.stream().noneMatch(s -> ((String) s.get("Name")).startsWith("qa-st")),
                "no stop or start without running hours");
        assertEquals(expected + 2, schedules.size());
    }

    @Test
    void theInputIsTheDocumentTextAndParsesBackForItsStage() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Map<String, Object>> schedules = Fixtures.schedules(stack);
        assertEquals(10, schedules.size());
        for (Map<String, Object> schedule : schedules) {
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
                // RDS's list calls, and the Tagging API's GetResources, which supports only "*" (#12).
                assertTrue(statement.actions().stream().allMatch(a -> a.startsWith("rds:")
                        || a.equals("tag:GetResources")), statement.toString());
            }
        }
        for (Operation operation : Operation.values()) {
            assertTrue(stageStatements(operation).stream().anyMatch(s -> s.hasAction("tag:GetResources")
                    && s.resources().equals(List.of("*"))), operation + " finds its copies through the Tagging API");
        }
    }

    private static final String COPIES = "arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT + ":%s:"
            + "${aws:ResourceTag/aurora-echo:lifecycle}-????-??-??*";

    @Test
    void everyMutatingRdsActionOnCopiesNeedsThisEnvironmentsTag() {
        int checked = 0;
        for (TemplateJson.Statement statement : allStageStatements()) {
            boolean mutating = statement.actions().stream().anyMatch(a -> a.startsWith("rds") && !readOnly(a));
            boolean onCopies = statement.resources().stream().anyMatch(r -> r.contains("${aws:"));
            if (!mutating || !onCopies) {
                continue;
            }
            Object request = statement.condition("StringEquals", "aws:RequestTag/aurora-echo:environment");
            Object resource = statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment");
            assertTrue("test".equals(request) || "test".equals(resource), "no environment condition on " + statement);
            checked++;
        }
        assertTrue(checked >= 12, "checked " + checked);
    }

    @Test
    void createsOnlyCopiesNamedForTheLifecycleTheyAreTaggedWith() {
        for (Operation operation : List.of(Operation.NEW, Operation.CLONE)) {
            TemplateJson.Statement create = stageStatements(operation).stream()
                    .filter(s -> "CreateCopies".equals(s.sid())).findFirst().orElseThrow();
            assertEquals(List.of("arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT + ":cluster:"
                    + "${aws:RequestTag/aurora-echo:lifecycle}-????-??-??*"), create.resources());
            assertEquals("new", create.condition("StringEquals", "aws:RequestTag/aurora-echo:stage"));
            assertEquals("test", create.condition("StringEquals", "aws:RequestTag/aurora-echo:environment"));
            TemplateJson.Statement join = stageStatements(operation).stream()
                    .filter(s -> "JoinNewCopies".equals(s.sid())).findFirst().orElseThrow();
            assertEquals(List.of(String.format(COPIES, "cluster")), join.resources());
            assertEquals("new", join.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
        }
        // A clone may read its source at a point in time: that exact cluster only.
        assertTrue(stageStatements(Operation.CLONE).stream().anyMatch(s ->
                s.actions().equals(List.of("rds:RestoreDBClusterToPointInTime"))
                        && s.resources().stream().anyMatch(r -> r.endsWith(":cluster:production"))));
    }

    @Test
    void tagsNewCopiesOnlyOfTheLifecyclesItCreates() {
        // staging is the environment's new lifecycle, qa its clone lifecycle; tiny creates nothing.
        Map<Operation, List<String>> names = Map.of(Operation.NEW, List.of("staging"), Operation.CLONE, List.of("qa"));
        names.forEach((operation, lifecycles) -> {
            String rds = "arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT + ":";
            Map<String, String> resources = Map.of("TagNewCopies", "cluster", "TagNewInstances", "db");
            resources.forEach((sid, type) -> {
                TemplateJson.Statement tag = stageStatements(operation).stream()
                        .filter(s -> sid.equals(s.sid())).findFirst().orElseThrow();
                assertEquals(List.of("rds:AddTagsToResource"), tag.actions());
                assertEquals(List.of(rds + type + ":${aws:RequestTag/aurora-echo:lifecycle}-????-??-??*"), tag.resources());
                assertEquals(lifecycles, TemplateJson.asList(tag.condition("StringEquals",
                        "aws:RequestTag/aurora-echo:lifecycle")));
                assertEquals("test", tag.condition("StringEquals", "aws:RequestTag/aurora-echo:environment"));
                assertEquals("new", tag.condition("StringEquals", "aws:RequestTag/aurora-echo:stage"));
            });
            assertTrue(stageStatements(operation).stream().filter(s -> s.actions().contains("rds:AddTagsToResource"))
                    .allMatch(s -> s.sid().startsWith("TagNewCopies") || s.sid().startsWith("TagNewInstances")
                            || s.sid().equals("RetireBrokenCopies")),
                    operation + ": no other statement tags with request tags alone");
        });
    }

    @Test
    void restoresMayUseTheNamedGroupsOrRdsDefaultsOnly() {
        // staging (new) names its cluster and instance parameter groups; qa (clone) names none: RDS's defaults.
        TemplateJson.Statement newSources = stageStatements(Operation.NEW).stream()
                .filter(s -> "UseSources".equals(s.sid())).findFirst().orElseThrow();
        String rds = "arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT + ":";
        assertEquals(List.of(rds + "cluster-snapshot:*", rds + "subgrp:staging-db", rds + "cluster-pg:staging-cluster",
                rds + "og:default:aurora*"), newSources.resources());
        TemplateJson.Statement cloneSources = stageStatements(Operation.CLONE).stream()
                .filter(s -> "UseSources".equals(s.sid())).findFirst().orElseThrow();
        assertEquals(List.of(rds + "cluster:production", rds + "subgrp:qa-db", rds + "cluster-pg:default.aurora*",
                rds + "og:default:aurora*"), cloneSources.resources());
        assertEquals(List.of(rds + "pg:staging-instance", rds + "og:default:aurora*"), stageStatements(Operation.NEW)
                .stream().filter(s -> "UseInstanceSources".equals(s.sid())).findFirst().orElseThrow().resources());
        assertTrue(allStageStatements().stream().noneMatch(s -> s.hasAction("rds:ListTagsForResource")),
                "no call lists tags: they come from the describe results");
    }

    @Test
    void onlyRetireDeletesAndOnlyRetiredCopiesOfThisEnvironment() {
        for (Operation operation : Operation.values()) {
            for (TemplateJson.Statement statement : stageStatements(operation)) {
                if (statement.actions().stream().noneMatch(a -> a.contains(":Delete"))) {
                    continue;
                }
                assertEquals(Operation.RETIRE, operation, statement.toString());
                if (statement.hasAction("rds:DeleteDBClusterSnapshot")) {
                    // Only the final snapshots of the lifecycles with finalSnapshotRetentionDays, as their retired
                    // copies of this environment tagged them.
                    assertEquals(List.of("rds:DeleteDBClusterSnapshot"), statement.actions());
                    assertEquals(List.of("arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT
                            + ":cluster-snapshot:staging-????-??-??*-final-*"), statement.resources());
                    assertEquals("retired", statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
                    assertEquals("test", statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
                    continue;
                }
                if (statement.resources().stream().anyMatch(r -> r.contains(":cluster-snapshot:"))) {
                    // Only the name of the final snapshot DeleteDBCluster creates (finalSnapshot: true), which RDS
                    // creates and tags with the caller's permissions.
                    assertEquals(List.of("arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT
                            + ":cluster-snapshot:*-????-??-??*-final-*"), statement.resources());
                    assertEquals(List.of("rds:DeleteDBCluster", "rds:CreateDBClusterSnapshot", "rds:AddTagsToResource"),
                            statement.actions());
                    continue;
                }
                assertEquals(1, statement.resources().size(), statement.toString());
                assertTrue(statement.resources().get(0).equals(String.format(COPIES, "cluster"))
                        || statement.resources().get(0).equals(String.format(COPIES, "db")), statement.toString());
                assertEquals("retired", statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
                assertEquals("test", statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
            }
        }
    }

    @Test
    void stopAndStartOnlyCopiesOfThisEnvironmentInTheStagesThatWorkOnThem() {
        // What each role may stop or start, by the copy's stage tag. In the test settings staging has running hours
        // (promote stops the copy it serves outside them) and no lifecycle has stopRetired.
        Map<Operation, Map<String, Object>> expected = new java.util.EnumMap<>(Operation.class);
        expected.put(Operation.STOP, Map.of("rds:StopDBCluster", "promoted"));
        expected.put(Operation.START, Map.of("rds:StartDBCluster", "promoted"));
        expected.put(Operation.PROMOTE, Map.of("rds:StartDBCluster", "modified", "rds:StopDBCluster", "promoted"));
        expected.put(Operation.RETIRE, Map.of("rds:StartDBCluster", "retired"));
        expected.put(Operation.ROLLBACK, Map.of("rds:StartDBCluster", "retired"));
        expected.put(Operation.MODIFY, Map.of("rds:StartDBCluster", "new"));
        for (Operation operation : Operation.values()) {
            Map<String, Object> found = new java.util.HashMap<>();
            for (TemplateJson.Statement statement : stageStatements(operation)) {
                if (!statement.hasAction("rds:StopDBCluster") && !statement.hasAction("rds:StartDBCluster")) {
                    continue;
                }
                assertEquals(1, statement.actions().size(), statement.toString());
                assertEquals(List.of(String.format(COPIES, "cluster")), statement.resources(), statement.toString());
                assertEquals("test", statement.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
                found.put(statement.actions().get(0), statement.condition("StringEquals",
                        "aws:ResourceTag/aurora-echo:stage"));
            }
            assertEquals(expected.getOrDefault(operation, Map.of()), found, operation.toString());
        }
        // The stop and start roles read and stop or start; nothing else of RDS, Route53, SSM or the Data API.
        for (Operation operation : List.of(Operation.STOP, Operation.START)) {
            assertEquals(Set.of("tag:GetResources", "rds:DescribeDBClusters", "rds:DescribeDBInstances",
                    operation == Operation.STOP ? "rds:StopDBCluster" : "rds:StartDBCluster"),
                    Set.copyOf(stageStatements(operation).stream().flatMap(st -> st.actions().stream())
                            .filter(a -> a.matches("(rds|rds-data|tag|route53|ssm|secretsmanager|kms|iam):.*")).toList()));
        }
    }

    @Test
    void stageMovesWriteOnlyTheStageTagsWithTheStagesOwnValuesInOneStatementForAllLifecycles() {
        Map<Operation, List<String>> values = Map.of(
                Operation.NEW, List.of("retired"),
                Operation.CLONE, List.of("retired"),
                Operation.MODIFY, List.of("modified", "retired"),
                Operation.PROMOTE, List.of("promoted", "retired"),
                Operation.RETIRE, List.of("retired"));
        values.forEach((operation, allowed) -> {
            List<TemplateJson.Statement> moves = stageStatements(operation).stream()
                    .filter(s -> s.actions().equals(List.of("rds:AddTagsToResource"))
                            && s.condition("StringEquals", "aws:RequestTag/aurora-echo:stage") != null
                            && s.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment") != null)
                    .toList();
            assertEquals(1, moves.size(), operation + ": one statement whatever the number of lifecycles");
            TemplateJson.Statement move = moves.get(0);
            assertEquals(List.of(String.format(COPIES, "cluster"), String.format(COPIES, "db")), move.resources());
            assertEquals("test", move.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
            assertEquals(allowed, TemplateJson.asList(move.condition("StringEquals", "aws:RequestTag/aurora-echo:stage")));
            // The time of the move goes on the cluster in the same call as the stage (retire needs its drain).
            String lifecycle = "${aws:ResourceTag/aurora-echo:lifecycle}";
            List<String> keys = new ArrayList<>(List.of("aurora-echo:" + lifecycle + ":stage", "aurora-echo:stage"));
            if (allowed.contains("modified")) {
                keys.add("aurora-echo:" + lifecycle + ":modified-at");
            }
            keys.add("aurora-echo:" + lifecycle + ":retired-at");
            assertEquals(keys, TemplateJson.asList(move.condition("ForAllValues:StringEqualsIgnoreCase", "aws:TagKeys")));
        });
    }

    @Test
    void modifyAssociatesRolesOnlyOnNewCopiesAndPassesOnlyTheConfiguredRoles() {
        TemplateJson.Statement addRole = stageStatements(Operation.MODIFY).stream()
                .filter(s -> s.actions().equals(List.of("rds:AddRoleToDBCluster"))).findFirst().orElseThrow();
        assertEquals("new", addRole.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
        assertEquals("test", addRole.condition("StringEquals", "aws:ResourceTag/aurora-echo:environment"));
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
    }

    @Test
    void promoteChangesOnlyTheConfiguredRecordsInTheirOwnZones() {
        List<TemplateJson.Statement> all = allStageStatements().stream()
                .filter(s -> s.hasAction("route53:ChangeResourceRecordSets")).toList();
        // Rollback serves a copy with the same statements as promote.
        List<TemplateJson.Statement> changes = all.stream().filter(s -> s.policy().startsWith("PromoteRole")).toList();
        assertEquals(changes.stream().map(TemplateJson.Statement::resources).toList(), all.stream()
                .filter(s -> s.policy().startsWith("RollbackRole")).map(TemplateJson.Statement::resources).toList());
        assertEquals(changes.size() * 2, all.size(), "only promote and rollback change records");
        String zone = "arn:${AWS::Partition}:route53:::hostedzone/";
        // staging's record in its two zones, qa's in its one: one statement per set of zones.
        assertEquals(List.of(List.of(zone + "Z0123456789ABCDEFGHIJ", zone + "Z9999999999ZZZZZZZZZZ"),
                List.of(zone + "Z0123456789ABCDEFGHIJ")), changes.stream().map(TemplateJson.Statement::resources).toList());
        assertEquals(List.of(List.of("db.staging.example.com"), List.of("db.qa.example.com")), changes.stream()
                .map(c -> TemplateJson.asList(c.condition("ForAllValues:StringEquals",
                        "route53:ChangeResourceRecordSetsNormalizedRecordNames"))).toList());
        for (TemplateJson.Statement change : changes) {
            assertTrue(change.policy().startsWith("PromoteRole"), change.toString());
            assertEquals(List.of("CNAME"), TemplateJson.asList(change.condition("ForAllValues:StringEquals",
                    "route53:ChangeResourceRecordSetsRecordTypes")));
            assertEquals(List.of("UPSERT"), TemplateJson.asList(change.condition("ForAllValues:StringEquals",
                    "route53:ChangeResourceRecordSetsActions")));
        }
    }

    @Test
    void onlyPromoteAndRollbackReadAndWriteTheConnectionParametersUnderTheEnvironmentsPrefix() {
        List<TemplateJson.Statement> parameters = allStageStatements().stream()
                .filter(s -> s.actions().stream().anyMatch(action -> action.startsWith("ssm:"))).toList();
        assertEquals(2, parameters.size(), parameters.toString());
        assertTrue(parameters.get(0).policy().startsWith("PromoteRole"), parameters.get(0).toString());
        assertTrue(parameters.get(1).policy().startsWith("RollbackRole"), parameters.get(1).toString());
        for (TemplateJson.Statement statement : parameters) {
            assertEquals(List.of("ssm:GetParameter", "ssm:PutParameter"), statement.actions());
            assertEquals(List.of("arn:${AWS::Partition}:ssm:eu-west-1:123456789012:parameter/aurora-echo/*/connection"),
                    statement.resources());
        }
    }

    @Test
    void promoteAndRetireReadOnlyTheConfiguredZones() {
        String zone = "arn:${AWS::Partition}:route53:::hostedzone/";
        for (Operation operation : List.of(Operation.PROMOTE, Operation.RETIRE)) {
            List<TemplateJson.Statement> reads = stageStatements(operation).stream()
                    .filter(s -> s.hasAction("route53:GetHostedZone")).toList();
            assertEquals(1, reads.size(), operation.name());
            assertEquals(List.of("route53:GetHostedZone", "route53:ListResourceRecordSets"), reads.get(0).actions());
            assertEquals(List.of(zone + "Z0123456789ABCDEFGHIJ", zone + "Z9999999999ZZZZZZZZZZ"),
                    reads.get(0).resources());
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
        template.resourceCountIs("AWS::CloudWatch::Alarm", 16);
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

    /** Modify creates the instance of a copy new or clone left creating (stages.CopyInstance), as they would. */
    @Test
    void modifyMayCreateOnlyTheInstanceOfANewCopyOfThisEnvironment() {
        TemplateJson.Statement create = stageStatements(Operation.MODIFY).stream()
                .filter(s -> "CreateInstances".equals(s.sid())).findFirst().orElseThrow();
        assertEquals(List.of("rds:CreateDBInstance"), create.actions());
        String instances = "arn:${AWS::Partition}:rds:" + REGION + ":" + ACCOUNT + ":db:"
                + "${aws:RequestTag/aurora-echo:lifecycle}-????-??-??*";
        assertEquals(List.of(instances), create.resources());
        // RDS authorizes the instance's tags on create as AddTagsToResource: only as a new copy of a lifecycle
        // this environment has.
        TemplateJson.Statement tag = stageStatements(Operation.MODIFY).stream()
                .filter(s -> "TagNewInstances".equals(s.sid())).findFirst().orElseThrow();
        assertEquals(List.of("rds:AddTagsToResource"), tag.actions());
        assertEquals(List.of(instances), tag.resources());
        assertTrue(TemplateJson.asList(tag.condition("StringEquals", "aws:RequestTag/aurora-echo:lifecycle"))
                .contains("staging"), tag.toString());
        assertEquals("new", create.condition("StringEquals", "aws:RequestTag/aurora-echo:stage"));
        assertEquals("test", create.condition("StringEquals", "aws:RequestTag/aurora-echo:environment"));
        TemplateJson.Statement join = stageStatements(Operation.MODIFY).stream()
                .filter(s -> "JoinNewCopies".equals(s.sid())).findFirst().orElseThrow();
        assertEquals(List.of(String.format(COPIES, "cluster")), join.resources());
        assertEquals("new", join.condition("StringEquals", "aws:ResourceTag/aurora-echo:stage"));
    }
}
