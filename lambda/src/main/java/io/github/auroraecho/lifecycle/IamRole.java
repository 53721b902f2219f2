package io.github.auroraecho.lifecycle;

import java.util.regex.Pattern;

/**
 * A role modify associates with each copy, with the RDS feature it is for. Aurora PostgreSQL associates a role
 * only for a feature: AddRoleToDBCluster without {@code FeatureName} is refused there with "The feature-name
 * parameter must be provided with the current operation for the Aurora (PostgreSQL) engine"; the features an engine
 * version takes are its {@code SupportedFeatureNames} (DescribeDBEngineVersions; DBEngineVersion,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBEngineVersion.html), such as {@code s3Import},
 * {@code s3Export}, {@code Lambda}. Aurora MySQL lists none and takes plain roles (AddRoleToDBCluster, "FeatureName
 * ... Required: No", https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddRoleToDBCluster.html).
 *
 * @param name        a role name (its ARN is built with the caller's account) or a role ARN
 * @param featureName null for a role given by name alone
 */
public record IamRole(String name, String featureName) {
    /** The engine that refuses a role without a feature name. */
    private static final String FEATURE_ENGINE = "aurora-postgresql";
    private static final String NAME_RULE = "must be an IAM role name or a role ARN";
    private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** Whether RDS would refuse to associate this role with a cluster of this engine. */
    public boolean lacksFeatureFor(String engine) {
        return featureName == null && FEATURE_ENGINE.equals(engine);
    }

    /** The same role named by its ARN. */
    public IamRole withName(String arn) {
        return new IamRole(arn, featureName);
    }

    /** As results and logs show it: the name, and the feature when there is one. */
    public String describe() {
        return featureName == null ? name : name + " (feature " + featureName + ")";
    }

    /** An item of {@code iamRoleNames}: a role name or ARN, or {@code {"name": ..., "featureName": ...}}. */
    static IamRole read(FieldValue item) {
        if (!item.isObject()) {
            return new IamRole(item.string(Identifiers::isRoleNameOrArn, NAME_RULE
                    + " (or {\"name\": ..., \"featureName\": ...})"), null);
        }
        DocumentReader role = item.object();
        IamRole read = new IamRole(role.requiredString("name", Identifiers::isRoleNameOrArn, NAME_RULE),
                role.requiredString("featureName", feature -> FEATURE_NAME.matcher(feature).matches(),
                        "must be an RDS feature name such as s3Import, s3Export or Lambda (the engine version's "
                                + "SupportedFeatureNames)"));
        role.rejectUnread();
        return read;
    }
}
