package io.github.auroraecho.lifecycle;

import java.util.regex.Pattern;

/** The naming rules RDS, IAM and Route53 enforce, checked here so bad input never reaches AWS. */
public final class Identifiers {
    static final int MAX_RDS_IDENTIFIER = 63;

    private static final Pattern RDS_IDENTIFIER = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*(?<!-)");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9.]|-(?!-))*(?<!-)");
    private static final Pattern SUBNET_GROUP = Pattern.compile("[A-Za-z0-9._ -]+");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?!-))*(?<!-)");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9]+(?:\\.[a-z0-9]+)?");
    private static final Pattern ENGINE_VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d");
    private static final Pattern AVAILABILITY_ZONE = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-\\d[a-z]");
    private static final Pattern HOSTED_ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");
    private static final Pattern DNS_LABEL = Pattern.compile("(?:\\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(?:-[a-z]+)*:iam::\\d{12}:role/(?:[A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64}");
    private static final String RDS_ARN = "arn:aws(?:-[a-z]+)*:rds:[a-z]{2}(?:-[a-z]+)+-\\d:\\d{12}:";
    private static final Pattern CLUSTER_ARN = Pattern.compile(RDS_ARN + "cluster:" + RDS_IDENTIFIER.pattern());
    // Automated snapshot names carry a "rds:" prefix; shared ones are manual, but the shape is the same.
    private static final Pattern CLUSTER_SNAPSHOT_ARN = Pattern.compile(RDS_ARN + "cluster-snapshot:[A-Za-z][A-Za-z0-9:-]{0,254}");
    private static final String KEY_ID = "(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})";
    private static final String ALIAS = "alias/[A-Za-z0-9/_-]{1,250}";
    private static final Pattern KMS_KEY = Pattern.compile("(?:" + KEY_ID + "|" + ALIAS
            + "|arn:aws(?:-[a-z]+)*:kms:[a-z]{2}(?:-[a-z]+)+-\\d:\\d{12}:(?:key/" + KEY_ID + "|" + ALIAS + "))");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.+");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,63}");

    private Identifiers() {
    }

    static boolean isRdsIdentifier(String value) {
        return value.length() <= MAX_RDS_IDENTIFIER && RDS_IDENTIFIER.matcher(value).matches();
    }

    static boolean isParameterGroupName(String value) {
        return value.length() <= 255 && GROUP_NAME.matcher(value).matches();
    }

    static boolean isSubnetGroupName(String value) {
        return value.length() <= 255 && !value.isBlank() && SUBNET_GROUP.matcher(value).matches();
    }

    static boolean isSuffix(String value) {
        return SUFFIX.matcher(value).matches();
    }

    static boolean isSecurityGroupId(String value) {
        return SECURITY_GROUP.matcher(value).matches();
    }

    static boolean isInstanceClass(String value) {
        return value.length() <= 64 && INSTANCE_CLASS.matcher(value).matches();
    }

    static boolean isEngineVersion(String value) {
        return ENGINE_VERSION.matcher(value).matches();
    }

    /** A region's form ({@code eu-west-1}); the CLI checks every region it is given with it, whatever the source. */
    public static boolean isRegion(String value) {
        return REGION.matcher(value).matches();
    }

    static boolean isAvailabilityZone(String value) {
        return AVAILABILITY_ZONE.matcher(value).matches();
    }

    static boolean isHostedZoneId(String value) {
        return HOSTED_ZONE_ID.matcher(value).matches();
    }

    static boolean isRoleNameOrArn(String value) {
        return ROLE_NAME.matcher(value).matches() || ROLE_ARN.matcher(value).matches();
    }

    /** A DNS name in Route53's canonical form: lower case, at most 253 characters, without the final dot. */
    static boolean isDnsName(String value) {
        if (value.isEmpty() || value.length() > 253) {
            return false;
        }
        for (String label : value.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A DB cluster ARN, the way to name a source cluster in another account. */
    static boolean isClusterArn(String value) {
        return CLUSTER_ARN.matcher(value).matches();
    }

    static boolean isClusterSnapshotArn(String value) {
        return CLUSTER_SNAPSHOT_ARN.matcher(value).matches();
    }

    /** A KMS key as RDS accepts it: key id, multi-Region key id, alias, or the ARN of a key or alias. */
    static boolean isKmsKeyId(String value) {
        return value.length() <= 2048 && KMS_KEY.matcher(value).matches();
    }

    static boolean isS3Uri(String value) {
        return S3_URI.matcher(value).matches();
    }

    static boolean isDatabaseName(String value) {
        return DATABASE_NAME.matcher(value).matches();
    }
}
