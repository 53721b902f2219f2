package io.github.auroraecho.lifecycle;

import java.util.List;
import java.util.Set;

/**
 * How and where new and clone create a copy's cluster and instance: the RDS settings a restore and a
 * clone share, plus the engine a restore may change (a clone always has its source's).
 *
 * @param kmsKeyId restores or clones into this key instead of the source's (secure copies)
 * @param publiclyAccessible false unless the document asks: AWS makes an instance public by default when its
 *                           subnets' VPC has an internet gateway, and a copy holds production's data
 */
public record Placement(
        String dbSubnetGroupName,
        String dbInstanceClass,
        ServerlessV2 serverlessV2,
        String engine,
        String engineVersion,
        String availabilityZone,
        List<String> vpcSecurityGroupIds,
        String dbClusterParameterGroupName,
        String dbParameterGroupName,
        String kmsKeyId,
        boolean publiclyAccessible) {

    public static final String SERVERLESS_CLASS = "db.serverless";
    private static final Set<String> ENGINES = Set.of("aurora-mysql", "aurora-postgresql");

    public Placement {
        vpcSecurityGroupIds = List.copyOf(vpcSecurityGroupIds);
    }

    /** The engine a restore makes: the document's, else the snapshot's. */
    public String engineOr(String snapshotEngine) {
        return engine != null ? engine : snapshotEngine;
    }

    /**
     * The engine version a restore asks for: the document's; else the snapshot's while the engine stays the
     * snapshot's (given or not); none for another engine, which needs its own. Without a version RDS takes the
     * region's default, which may be another major version than the snapshot's: RestoreDBClusterFromSnapshot
     * (Amazon RDS API Reference), EngineVersion, "If you don't specify an engine version, the default version
     * for the database engine in the AWS Region is used."
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterFromSnapshot.html
     */
    public String engineVersionFor(String snapshotEngine, String snapshotVersion) {
        if (engineVersion != null) {
            return engineVersion;
        }
        return engineOr(snapshotEngine).equals(snapshotEngine) ? snapshotVersion : null;
    }

    static Placement read(DocumentReader doc) {
        return new Placement(
                doc.string("dbSubnetGroupName", Identifiers::isSubnetGroupName,
                        "must be a DB subnet group name (letters, digits, spaces, '.', '_' and '-', at most 255)"),
                doc.string("dbInstanceClass", Identifiers::isInstanceClass,
                        "must be a DB instance class such as db.r6g.large or db.serverless"),
                readServerless(doc.object("serverlessV2")),
                doc.string("engine", ENGINES::contains, "must be aurora-mysql or aurora-postgresql"),
                doc.string("engineVersion", Identifiers::isEngineVersion, "must be an engine version such as 15.4"),
                doc.string("availabilityZone", Identifiers::isAvailabilityZone,
                        "must be an availability zone such as eu-west-1a"),
                doc.strings("vpcSecurityGroupIds", 5, Identifiers::isSecurityGroupId,
                        "must be a security group id such as sg-0123abcd"),
                doc.string("dbClusterParameterGroupName", Identifiers::isParameterGroupName,
                        "must be a parameter group name"),
                doc.string("dbParameterGroupName", Identifiers::isParameterGroupName, "must be a parameter group name"),
                doc.string("kmsKeyId", Identifiers::isKmsKeyId,
                        "must be a KMS key id, alias (alias/name) or key or alias ARN"),
                doc.bool("publiclyAccessible", false));
    }

    /**
     * Aurora's capacity rules ("ServerlessV2ScalingConfiguration", Amazon RDS API Reference): half-step ACU values;
     * "For Aurora versions that support the Aurora Serverless v2 auto-pause feature, the smallest value that you
     * can use is 0. For versions that don't support Aurora Serverless v2 auto-pause, the smallest value that you can
     * use is 0.5"; the largest "256 for recent Aurora versions, or 128 for older versions"; SecondsUntilAutoPause
     * "between 300 seconds (five minutes) and 86,400 seconds (one day)", which only a minimum of 0 uses.
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ServerlessV2ScalingConfiguration.html
     */
    private static ServerlessV2 readServerless(DocumentReader doc) {
        if (doc == null) {
            return null;
        }
        double min = doc.number("minCapacity", Double.NaN, 0, 256);
        double max = doc.number("maxCapacity", Double.NaN, 0.5, 256);
        long pause = doc.integer("secondsUntilAutoPause", -1, 300, 86_400);
        doc.rejectUnread();
        if (Double.isNaN(min)) {
            throw doc.missing("minCapacity");
        }
        if (Double.isNaN(max)) {
            throw doc.missing("maxCapacity");
        }
        if (min > max) {
            throw new InvalidInputException("field \"serverlessV2.minCapacity\" must not exceed maxCapacity");
        }
        if (min * 2 != Math.rint(min * 2) || max * 2 != Math.rint(max * 2)) {
            throw new InvalidInputException("field \"serverlessV2\" capacities must be multiples of 0.5 ACU");
        }
        if (pause >= 0 && min != 0) {
            throw new InvalidInputException("field \"serverlessV2.secondsUntilAutoPause\" needs minCapacity 0:"
                    + " only a copy that scales to zero ACUs pauses");
        }
        return new ServerlessV2(min, max, pause < 0 ? null : (int) pause);
    }
}
