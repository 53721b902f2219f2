package io.github.auroraecho.testing;

import io.github.auroraecho.lifecycle.Labels;
import io.github.auroraecho.lifecycle.Operation;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

/**
 * Malformed documents and events, each with the stage it is sent to and a fragment of the message that
 * must name what is wrong: shared by the parser, CLI and handler tests.
 */
public final class BadInputs {
    private static final String NEW_DOC = """
            {"managedName": "staging", "sourceClusterName": "prod", "dbSubnetGroupName": "default",
             "dbInstanceClass": "db.r6g.large"%s}""";

    private BadInputs() {
    }

    public static String newDoc(String extra) {
        return NEW_DOC.formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    public static Stream<Arguments> documents() {
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
                Arguments.of("managedName upper case", "{\"managedName\": \"Reporting\"}", Operation.MODIFY, "\"managedName\" must be lower case, as RDS stores cluster names: use \"reporting\""),
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
                Arguments.of("tag key with #", newDoc("\"tags\": {\"cost#center\": \"a\"}"), Operation.NEW, "key \"cost#center\" of field \"tags\""),
                Arguments.of("tag value with *", newDoc("\"tags\": {\"team\": \"a*b\"}"), Operation.NEW, "\"tags.team\" must be at most 256 Unicode letters"),
                Arguments.of("tag value with ;", newDoc("\"tags\": {\"team\": \"a;b\"}"), Operation.NEW, "\"tags.team\""),
                Arguments.of("rds tag", newDoc("\"tags\": {\"rds:owner\": \"x\"}"), Operation.NEW, "key \"rds:owner\" of field \"tags\""),
                Arguments.of("tag value number", newDoc("\"tags\": {\"team\": 1}"), Operation.NEW, "\"tags.team\" must be a string"),
                Arguments.of("too many tags", newDoc("\"tags\": {" + tags(Labels.MAX_EXTRA_TAGS + 1) + "}"), Operation.NEW,
                        "at most " + Labels.MAX_EXTRA_TAGS),
                Arguments.of("bad role", "{\"managedName\": \"s\", \"iamRoleNames\": [\"role with spaces\"]}", Operation.MODIFY, "\"iamRoleNames[0]\""),
                Arguments.of("duplicate role", "{\"managedName\": \"s\", \"iamRoleNames\": [\"a\", \"a\"]}", Operation.MODIFY, "twice"),
                Arguments.of("six roles", "{\"managedName\": \"s\", \"iamRoleNames\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]}", Operation.MODIFY, "\"iamRoleNames\" has 6 items; at most 5"),
                Arguments.of("role object without feature", "{\"managedName\": \"s\", \"iamRoleNames\": [{\"name\": \"a\"}]}", Operation.MODIFY, "\"iamRoleNames[0].featureName\" is required"),
                Arguments.of("plain role on aurora-postgresql", newDoc("\"engine\": \"aurora-postgresql\", \"iamRoleNames\": [\"s3-import\"]"), Operation.NEW, "(role \"s3-import\") has no featureName, which RDS requires to associate a role with an aurora-postgresql cluster"),
                Arguments.of("promote without zones", "{\"managedName\": \"s\", \"recordSetName\": \"db.example.com\"}", Operation.PROMOTE, "\"hostedZoneIds\" is required for promote"),
                Arguments.of("retire without record", "{\"managedName\": \"s\", \"hostedZoneIds\": [\"Z1\"]}", Operation.RETIRE, "\"recordSetName\" is required for retire"),
                Arguments.of("bad zone id", "{\"managedName\": \"s\", \"hostedZoneIds\": [\"/hostedzone/z1\"]}", Operation.MODIFY, "\"hostedZoneIds[0]\""),
                Arguments.of("bad record", "{\"managedName\": \"s\", \"recordSetName\": \"db..example.com\"}", Operation.MODIFY, "\"recordSetName\""),
                Arguments.of("ttl negative", "{\"managedName\": \"s\", \"ttl\": -5}", Operation.MODIFY, "\"ttl\" must be between 0"),
                Arguments.of("ttl longer than two days", "{\"managedName\": \"s\", \"ttl\": 2147483647}", Operation.PROMOTE, "\"ttl\" must be between 0 and 172800"),
                Arguments.of("ttl fraction", "{\"managedName\": \"s\", \"ttl\": 1.5}", Operation.MODIFY, "\"ttl\" must be a whole number"),
                Arguments.of("drain shorter than twice the ttl", "{\"managedName\": \"s\", \"ttl\": 900, \"drainMinutes\": 20}", Operation.RETIRE, "\"drainMinutes\" must be at least twice the record's ttl (900 s), so at least 30"),
                Arguments.of("drain fraction", "{\"managedName\": \"s\", \"drainMinutes\": 1.5}", Operation.RETIRE, "\"drainMinutes\" must be a whole number"),
                Arguments.of("drain over a week", "{\"managedName\": \"s\", \"drainMinutes\": 10081}", Operation.RETIRE, "\"drainMinutes\" must be between 0 and 10080"),
                Arguments.of("finalSnapshot number", "{\"managedName\": \"s\", \"finalSnapshot\": 1}", Operation.RETIRE, "\"finalSnapshot\" must be true or false"),
                Arguments.of("retention without final snapshot", "{\"managedName\": \"s\", \"finalSnapshotRetentionDays\": 7}", Operation.RETIRE, "\"finalSnapshotRetentionDays\" needs \"finalSnapshot\": true"),
                Arguments.of("retention of zero days", "{\"managedName\": \"s\", \"finalSnapshot\": true, \"finalSnapshotRetentionDays\": 0}", Operation.RETIRE, "\"finalSnapshotRetentionDays\" must be between 1 and 3650"),
                Arguments.of("running hours in an unknown zone", "{\"managedName\": \"s\", \"runningHours\": {\"timezone\": \"Mars/Olympus\", \"days\": [\"MON\"], \"start\": \"07:00\", \"stop\": \"20:00\"}}", Operation.STOP, "\"runningHours.timezone\" must be an IANA time zone"),
                Arguments.of("running hours stop before start", "{\"managedName\": \"s\", \"runningHours\": {\"timezone\": \"UTC\", \"days\": [\"MON\"], \"start\": \"20:00\", \"stop\": \"07:00\"}}", Operation.START, "\"runningHours.stop\" is 07:00, which must come after start (20:00)"),
                Arguments.of("running hours on a repeated day", "{\"managedName\": \"s\", \"runningHours\": {\"timezone\": \"UTC\", \"days\": [\"MON\", \"MON\"], \"start\": \"07:00\", \"stop\": \"20:00\"}}", Operation.PROMOTE, "\"runningHours.days\" lists \"MON\" twice"),
                Arguments.of("retention fraction", "{\"managedName\": \"s\", \"finalSnapshot\": true, \"finalSnapshotRetentionDays\": 1.5}", Operation.RETIRE, "\"finalSnapshotRetentionDays\" must be a whole number"),
                Arguments.of("oversize string", "{\"managedName\": \"" + "a".repeat(5000) + "\"}", Operation.MODIFY, "at most 1024"),
                Arguments.of("check without expectation", "{\"managedName\": \"s\", \"manageMasterUserPassword\": true, \"verify\": [{\"name\": \"rows\", \"sql\": \"SELECT 1\"}]}", Operation.PROMOTE, "\"verify[0]\" must have exactly one of \"expect\""),
                Arguments.of("check without managed secret", "{\"managedName\": \"s\", \"verify\": [{\"name\": \"rows\", \"sql\": \"SELECT 1\", \"expect\": 1}]}", Operation.NEW, "\"verify\" needs \"manageMasterUserPassword\": true"),
                Arguments.of("event without detail", "{\"source\": \"x\", \"detail-type\": \"y\"}", Operation.NEW, "\"detail\""),
                Arguments.of("event with string detail", "{\"source\": \"x\", \"detail-type\": \"y\", \"detail\": \"{}\"}", Operation.NEW, "\"detail\""));
    }

    /** {@code count} tags as the inside of a JSON object. */
    public static String tags(int count) {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < count; i++) {
            tags.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        return tags.toString();
    }
}
