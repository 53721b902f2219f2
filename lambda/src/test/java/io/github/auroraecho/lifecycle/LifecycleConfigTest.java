package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleConfigTest {
    private static final String NEW_DOC = """
            {"managedName": "staging", "sourceClusterName": "prod", "dbSubnetGroupName": "default",
             "dbInstanceClass": "db.r6g.large"%s}""";

    private static String newDoc(String extra) {
        return NEW_DOC.formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    @Test
    void readsEveryFieldWithDefaults() {
        LifecycleConfig config = LifecycleConfig.parse(newDoc(""), Operation.NEW);
        assertEquals("staging", config.managedName());
        assertEquals(20, config.minimumAgeHours());
        assertEquals(60, config.ttl());
        assertFalse(config.dryRun());
        assertFalse(config.finalSnapshot());
        assertEquals(List.of(), config.iamRoleNames());
        assertEquals("aurora-echo:staging:stage", config.stageTagKey());
    }

    @Test
    void readsAFullDocument() {
        LifecycleConfig config = LifecycleConfig.parse("""
                {"managedName": "qa", "region": "eu-west-1", "dryRun": true, "sourceClusterName": "prod",
                 "dbSubnetGroupName": "private subnets", "dbInstanceClass": "db.serverless",
                 "serverlessV2": {"minCapacity": 0.5, "maxCapacity": 8}, "engine": "aurora-mysql",
                 "engineVersion": "8.0.mysql_aurora.3.05.2", "availabilityZone": "eu-west-1a",
                 "vpcSecurityGroupIds": ["sg-0123abcd"], "dbClusterParameterGroupName": "default.aurora-mysql8.0",
                 "dbParameterGroupName": "qa-params", "suffix": "b2", "tags": {"team": "data", "cost-center": "42"},
                 "minimumAgeHours": 0, "iamRoleNames": ["s3-import", "arn:aws:iam::123456789012:role/path/x"],
                 "hostedZoneIds": ["Z0123456789ABC"], "recordSetName": "DB.qa.example.com.", "ttl": 300,
                 "dnsSyncTimeoutSeconds": 30, "finalSnapshot": true}""", Operation.PROMOTE);
        assertEquals("eu-west-1", config.region());
        assertTrue(config.dryRun());
        assertEquals(new ServerlessV2(0.5, 8), config.serverlessV2());
        assertEquals(Map.of("team", "data", "cost-center", "42"), config.tags());
        assertEquals("db.qa.example.com", config.recordSetName());
        assertEquals(300, config.ttl());
        assertEquals(30, config.dnsSyncTimeoutSeconds());
        assertEquals(List.of("Z0123456789ABC"), config.hostedZoneIds());
    }

    @Test
    void acceptsAnEventBridgeEventWithTheDocumentInDetail() {
        String event = """
                {"version": "0", "id": "1", "source": "aws.scheduler", "detail-type": "Scheduled Event",
                 "account": "123456789012", "time": "2026-11-25T02:00:00Z", "region": "eu-west-1",
                 "resources": [], "detail": %s}""".formatted(newDoc(""));
        assertEquals("prod", LifecycleConfig.parse(event, Operation.NEW).sourceClusterName());
    }

    @Test
    void modifyNeedsOnlyTheManagedName() {
        assertEquals("staging", LifecycleConfig.parse("{\"managedName\": \"staging\"}", Operation.MODIFY).managedName());
    }

    @Test
    void documentForOneStageIsCheckedForTheFieldsOfAllStages() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LifecycleConfig.parse("{\"managedName\": \"staging\", \"ttl\": \"60\"}", Operation.MODIFY));
        assertTrue(e.getMessage().contains("\"ttl\""), e.getMessage());
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("not JSON", "{", Operation.NEW, "not valid JSON"),
                Arguments.of("empty", "", Operation.NEW, "empty"),
                Arguments.of("array", "[]", Operation.NEW, "must be a JSON object"),
                Arguments.of("string", "\"staging\"", Operation.NEW, "must be a JSON object"),
                Arguments.of("trailing garbage", newDoc("") + " {}", Operation.NEW, "not valid JSON"),
                Arguments.of("duplicate key", newDoc("\"ttl\": 1, \"ttl\": 2"), Operation.NEW, "ttl"),
                Arguments.of("missing managedName", "{\"sourceClusterName\": \"prod\"}", Operation.MODIFY, "\"managedName\" is required"),
                Arguments.of("unknown field", newDoc("\"minimumAgeHour\": 3"), Operation.NEW, "unknown field \"minimumAgeHour\""),
                Arguments.of("managedName number", "{\"managedName\": 5}", Operation.MODIFY, "\"managedName\" must be a string"),
                Arguments.of("managedName empty", "{\"managedName\": \"\"}", Operation.MODIFY, "\"managedName\" must not be empty"),
                Arguments.of("managedName digit first", "{\"managedName\": \"1staging\"}", Operation.MODIFY, "\"managedName\""),
                Arguments.of("managedName double hyphen", "{\"managedName\": \"a--b\"}", Operation.MODIFY, "\"managedName\""),
                Arguments.of("managedName trailing hyphen", "{\"managedName\": \"ab-\"}", Operation.MODIFY, "\"managedName\""),
                Arguments.of("managedName injection", "{\"managedName\": \"a; rm -rf /\"}", Operation.MODIFY, "\"managedName\""),
                Arguments.of("managedName too long", "{\"managedName\": \"" + "a".repeat(53) + "\"}", Operation.MODIFY, "\"managedName\" makes copy names 64"),
                Arguments.of("suffix makes it too long", "{\"managedName\": \"" + "a".repeat(40) + "\", \"suffix\": \"" + "b".repeat(12) + "\"}", Operation.MODIFY, "\"suffix\""),
                Arguments.of("missing source for new", "{\"managedName\": \"staging\", \"dbSubnetGroupName\": \"d\", \"dbInstanceClass\": \"db.r6g.large\"}", Operation.NEW, "\"sourceClusterName\" is required for new"),
                Arguments.of("missing subnet for clone", "{\"managedName\": \"staging\", \"sourceClusterName\": \"prod\", \"dbInstanceClass\": \"db.r6g.large\"}", Operation.CLONE, "\"dbSubnetGroupName\" is required for clone"),
                Arguments.of("missing class", "{\"managedName\": \"staging\", \"sourceClusterName\": \"prod\", \"dbSubnetGroupName\": \"d\"}", Operation.NEW, "\"dbInstanceClass\" is required"),
                Arguments.of("source is managed name", "{\"managedName\": \"prod\", \"sourceClusterName\": \"prod\"}", Operation.MODIFY, "\"sourceClusterName\" must differ"),
                Arguments.of("bad instance class", newDoc("").replace("db.r6g.large", "r6g.large"), Operation.NEW, "\"dbInstanceClass\""),
                Arguments.of("serverless without capacities", newDoc("").replace("db.r6g.large", "db.serverless"), Operation.NEW, "\"serverlessV2\" is required"),
                Arguments.of("serverless with other class", newDoc("\"serverlessV2\": {\"minCapacity\": 1, \"maxCapacity\": 2}"), Operation.NEW, "\"serverlessV2\" is only for"),
                Arguments.of("serverless min above max", "{\"managedName\": \"s\", \"serverlessV2\": {\"minCapacity\": 4, \"maxCapacity\": 2}}", Operation.MODIFY, "serverlessV2.minCapacity"),
                Arguments.of("serverless missing max", "{\"managedName\": \"s\", \"serverlessV2\": {\"minCapacity\": 4}}", Operation.MODIFY, "\"serverlessV2.maxCapacity\" is required"),
                Arguments.of("serverless unknown key", "{\"managedName\": \"s\", \"serverlessV2\": {\"minCapacity\": 1, \"maxCapacity\": 2, \"max\": 3}}", Operation.MODIFY, "\"serverlessV2.max\""),
                Arguments.of("serverless not object", "{\"managedName\": \"s\", \"serverlessV2\": 4}", Operation.MODIFY, "\"serverlessV2\" must be a JSON object"),
                Arguments.of("serverless half steps", "{\"managedName\": \"s\", \"serverlessV2\": {\"minCapacity\": 0.3, \"maxCapacity\": 2}}", Operation.MODIFY, "0.5"),
                Arguments.of("retired engine", newDoc("\"engine\": \"aurora\""), Operation.NEW, "\"engine\" must be aurora-mysql or aurora-postgresql"),
                Arguments.of("engine on clone", newDoc("\"engine\": \"aurora-mysql\""), Operation.CLONE, "\"engine\" cannot be used with clone"),
                Arguments.of("negative age", newDoc("\"minimumAgeHours\": -1"), Operation.NEW, "\"minimumAgeHours\" must be between 0"),
                Arguments.of("age as string", newDoc("\"minimumAgeHours\": \"20\""), Operation.NEW, "\"minimumAgeHours\" must be a number"),
                Arguments.of("dryRun as string", newDoc("\"dryRun\": \"true\""), Operation.NEW, "\"dryRun\" must be true or false"),
                Arguments.of("bad region", newDoc("\"region\": \"Europe\""), Operation.NEW, "\"region\""),
                Arguments.of("bad zone", newDoc("\"availabilityZone\": \"eu-west-1\""), Operation.NEW, "\"availabilityZone\""),
                Arguments.of("security groups not list", newDoc("\"vpcSecurityGroupIds\": \"sg-0123abcd\""), Operation.NEW, "\"vpcSecurityGroupIds\" must be a list"),
                Arguments.of("bad security group", newDoc("\"vpcSecurityGroupIds\": [\"default\"]"), Operation.NEW, "\"vpcSecurityGroupIds[0]\""),
                Arguments.of("security group number", newDoc("\"vpcSecurityGroupIds\": [7]"), Operation.NEW, "\"vpcSecurityGroupIds[0]\" must be a string"),
                Arguments.of("tags not object", newDoc("\"tags\": [\"a\"]"), Operation.NEW, "\"tags\" must be an object"),
                Arguments.of("reserved tag", newDoc("\"tags\": {\"aurora-echo:staging:stage\": \"promoted\"}"), Operation.NEW, "aurora-echo:"),
                Arguments.of("aws tag", newDoc("\"tags\": {\"aws:foo\": \"x\"}"), Operation.NEW, "aws:"),
                Arguments.of("tag value number", newDoc("\"tags\": {\"team\": 1}"), Operation.NEW, "\"tags.team\" must be a string"),
                Arguments.of("too many tags", newDoc("\"tags\": {" + tags(50) + "}"), Operation.NEW, "at most 49"),
                Arguments.of("bad role", "{\"managedName\": \"s\", \"iamRoleNames\": [\"role with spaces\"]}", Operation.MODIFY, "\"iamRoleNames[0]\""),
                Arguments.of("duplicate role", "{\"managedName\": \"s\", \"iamRoleNames\": [\"a\", \"a\"]}", Operation.MODIFY, "twice"),
                Arguments.of("promote without zones", "{\"managedName\": \"s\", \"recordSetName\": \"db.example.com\"}", Operation.PROMOTE, "\"hostedZoneIds\" is required for promote"),
                Arguments.of("retire without record", "{\"managedName\": \"s\", \"hostedZoneIds\": [\"Z1\"]}", Operation.RETIRE, "\"recordSetName\" is required for retire"),
                Arguments.of("bad zone id", "{\"managedName\": \"s\", \"hostedZoneIds\": [\"/hostedzone/z1\"]}", Operation.MODIFY, "\"hostedZoneIds[0]\""),
                Arguments.of("bad record", "{\"managedName\": \"s\", \"recordSetName\": \"db..example.com\"}", Operation.MODIFY, "\"recordSetName\""),
                Arguments.of("ttl negative", "{\"managedName\": \"s\", \"ttl\": -5}", Operation.MODIFY, "\"ttl\" must be between 0"),
                Arguments.of("ttl fraction", "{\"managedName\": \"s\", \"ttl\": 1.5}", Operation.MODIFY, "\"ttl\" must be a whole number"),
                Arguments.of("finalSnapshot number", "{\"managedName\": \"s\", \"finalSnapshot\": 1}", Operation.RETIRE, "\"finalSnapshot\" must be true or false"),
                Arguments.of("oversize string", "{\"managedName\": \"" + "a".repeat(5000) + "\"}", Operation.MODIFY, "at most 1024"),
                Arguments.of("not yet supported", newDoc("\"kmsKeyId\": \"alias/x\""), Operation.NEW, "\"kmsKeyId\" is not supported"),
                Arguments.of("event without detail", "{\"source\": \"x\", \"detail-type\": \"y\"}", Operation.NEW, "\"detail\""),
                Arguments.of("event with string detail", "{\"source\": \"x\", \"detail-type\": \"y\", \"detail\": \"{}\"}", Operation.NEW, "\"detail\""));
    }

    private static String tags(int count) {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < count; i++) {
            tags.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        return tags.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void rejectsBadInputNamingTheField(String name, String document, Operation operation, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LifecycleConfig.parse(document, operation));
        assertTrue(e.getMessage().contains(expected), () -> "message \"" + e.getMessage() + "\" lacks \"" + expected + "\"");
    }
}
