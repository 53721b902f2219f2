package io.github.auroraecho.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.auroraecho.lifecycle.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The aurora-echo 2.x options that map onto a field of the lifecycle document, with 2.x's short and long
 * names. The document they build goes through the same parser as a file, so validation is identical.
 * ({@code -a} and {@code -i} are not document fields: {@link StageArguments} reads them.)
 */
enum LegacyFlag {
    MANAGED_NAME("-n", List.of("--managed-name"), "managedName", Kind.TEXT, "NAME", "the lifecycle's name, e.g. staging"),
    REGION("-r", List.of("--region"), "region", Kind.TEXT, "REGION", "AWS region (default: the AWS chain's)"),
    SOURCE("-s", List.of("--source-cluster-name", "--cluster-snapshot-name"), "sourceClusterName", Kind.TEXT,
            "CLUSTER", "the production cluster to restore (new) or clone (clone)"),
    SUBNET_GROUP("-sub", List.of("--db-subnet-group-name"), "dbSubnetGroupName", Kind.TEXT, "GROUP",
            "DB subnet group of the copy"),
    INSTANCE_CLASS("-c", List.of("--db-instance-class"), "dbInstanceClass", Kind.TEXT, "CLASS",
            "instance class, e.g. db.r6g.large"),
    ENGINE("-e", List.of("--engine"), "engine", Kind.TEXT, "ENGINE",
            "aurora-mysql or aurora-postgresql (new only; default: the snapshot's)"),
    AVAILABILITY_ZONE("-az", List.of("--availability-zone"), "availabilityZone", Kind.TEXT, "ZONE",
            "availability zone, e.g. eu-west-1a"),
    SECURITY_GROUP("-sg", List.of("--vpc-security-group-id"), "vpcSecurityGroupIds", Kind.LIST, "SG",
            "VPC security group id (repeatable)"),
    TAG("-t", List.of("--tag"), "tags", Kind.TAG, "KEY=VALUE", "extra tag on cluster and instance (repeatable)"),
    MINIMUM_AGE("-h", List.of("--minimum-age-hours"), "minimumAgeHours", Kind.NUMBER, "HOURS",
            "no new copy while one is younger than this (default 20)"),
    SUFFIX("-sf", List.of("--suffix"), "suffix", Kind.TEXT, "SUFFIX", "appended to copy names"),
    PARAMETER_GROUP("-pgn", List.of("--db-parameter-group-name"), "dbParameterGroupName", Kind.TEXT, "GROUP",
            "DB parameter group of the instance"),
    IAM_ROLE("-iam", List.of("--iam-role-name"), "iamRoleNames", Kind.LIST, "ROLE",
            "IAM role name or ARN to associate in modify (repeatable)"),
    HOSTED_ZONE("-z", List.of("--hosted-zone-id"), "hostedZoneIds", Kind.LIST, "ZONEID",
            "Route53 hosted zone of the record (repeatable)"),
    RECORD_SET("-rs", List.of("--record-set"), "recordSetName", Kind.TEXT, "NAME",
            "the CNAME record promote points at the copy"),
    TTL(null, List.of("--ttl"), "ttl", Kind.INTEGER, "SECONDS", "TTL of the record (default 60)");

    /** How an option's value goes into the document. */
    private enum Kind { TEXT, LIST, TAG, NUMBER, INTEGER }

    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("(field \"([A-Za-z0-9]+)[^\"]*\")");

    private final String shortName;
    private final List<String> longNames;
    private final String field;
    private final Kind kind;
    private final String valueName;
    private final String description;

    LegacyFlag(String shortName, List<String> longNames, String field, Kind kind, String valueName, String description) {
        this.shortName = shortName;
        this.longNames = longNames;
        this.field = field;
        this.kind = kind;
        this.valueName = valueName;
        this.description = description;
    }

    static Optional<LegacyFlag> named(String arg) {
        for (LegacyFlag flag : values()) {
            if (arg.equals(flag.shortName) || flag.longNames.contains(arg)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    private static Optional<LegacyFlag> forField(String field) {
        for (LegacyFlag flag : values()) {
            if (flag.field.equals(field)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The parser names document fields; a user who gave flags is told which flag as well. */
    static String withFlagNames(String message) {
        return FIELD_IN_MESSAGE.matcher(message).replaceAll(match -> forField(match.group(2))
                .map(flag -> java.util.regex.Matcher.quoteReplacement(match.group(1) + " (" + flag.displayName() + ")"))
                .orElse(java.util.regex.Matcher.quoteReplacement(match.group(1))));
    }

    /** How users write it: the short name where 2.x has one. */
    String displayName() {
        return shortName != null ? shortName : longNames.get(0);
    }

    String helpLine() {
        String names = shortName == null ? String.join(", ", longNames) : shortName + ", " + String.join(", ", longNames);
        String usage = names + " " + valueName;
        // A long spelling gets its description on the next line rather than pushing it out of the column.
        return usage.length() < 50 ? String.format("  %-50s %s%n", usage, description)
                : String.format("  %s%n  %-50s %s%n", usage, "", description);
    }

    /** Adds one occurrence of the flag to the document; a single-valued flag given twice is an error. */
    void addTo(ObjectNode document, String arg, String value) {
        switch (kind) {
            case TEXT -> {
                once(document, arg);
                document.put(field, value);
            }
            case LIST -> (document.has(field) ? (ArrayNode) document.get(field)
                    : document.putArray(field)).add(value);
            case TAG -> {
                int equals = value.indexOf('=');
                if (equals <= 0) {
                    throw new InvalidInputException(arg + " takes KEY=VALUE, not \"" + value + "\"");
                }
                ObjectNode tags = document.has(field) ? (ObjectNode) document.get(field) : document.putObject(field);
                String key = value.substring(0, equals);
                if (tags.has(key)) {
                    throw new InvalidInputException(arg + " sets tag \"" + key + "\" twice");
                }
                tags.put(key, value.substring(equals + 1));
            }
            case NUMBER -> {
                once(document, arg);
                document.put(field, number(arg, value));
            }
            case INTEGER -> {
                once(document, arg);
                try {
                    document.put(field, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(arg + " takes whole " + valueName.toLowerCase(java.util.Locale.ROOT)
                            + ", not \"" + value + "\"");
                }
            }
        }
    }

    private void once(ObjectNode document, String arg) {
        if (document.has(field)) {
            throw new InvalidInputException(arg + " is given twice");
        }
    }

    private BigDecimal number(String arg, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            // -h is hours in 2.x, which surprises users who expect help: say so.
            throw new InvalidInputException(arg + " takes " + valueName.toLowerCase(java.util.Locale.ROOT)
                    + " as a number, not \"" + value + "\" (help is --help)");
        }
    }
}
