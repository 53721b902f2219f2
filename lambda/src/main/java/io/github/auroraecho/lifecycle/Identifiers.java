package io.github.auroraecho.lifecycle;

import java.util.regex.Pattern;

/** The naming rules RDS, IAM and Route53 enforce, checked here so bad input never reaches AWS. */
final class Identifiers {
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

    static boolean isRegion(String value) {
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
}
