package io.github.auroraecho.lifecycle;

import java.util.List;

/**
 * The rules between fields of a lifecycle document, and the fields each operation needs. Each field's own
 * type and form are checked where its section reads it; these run on the whole document once it is read.
 */
public final class LifecycleRules {
    private LifecycleRules() {
    }

    /** Checks the document as a whole and for one operation; the first broken rule is the error. */
    public static void check(LifecycleConfig config, Operation operation) {
        checkConsistent(config);
        checkFieldsOf(config, operation);
    }

    /** Rules between fields, whatever the operation: one document drives every stage. */
    static void checkConsistent(LifecycleConfig config) {
        String managedName = config.managedName();
        String suffix = config.labels().suffix();
        if (suffix != null || managedName.length() + CopyName.DATE_PART_LENGTH > Identifiers.MAX_RDS_IDENTIFIER) {
            int length = CopyName.of(managedName, java.time.LocalDate.EPOCH, suffix).length();
            if (length > Identifiers.MAX_RDS_IDENTIFIER) {
                throw new InvalidInputException("field \"" + (suffix == null ? "managedName" : "suffix")
                        + "\" makes copy names " + length + " characters long (<managedName>-YYYY-MM-DD[-<suffix>]); "
                        + "RDS allows " + Identifiers.MAX_RDS_IDENTIFIER);
            }
        }
        Placement placement = config.placement();
        if (placement.serverlessV2() != null && placement.dbInstanceClass() != null
                && !Placement.SERVERLESS_CLASS.equals(placement.dbInstanceClass())) {
            throw new InvalidInputException("field \"serverlessV2\" is only for dbInstanceClass "
                    + Placement.SERVERLESS_CLASS + ", not " + placement.dbInstanceClass());
        }
        CopySource source = config.source();
        if (source.sourceClusterName() != null && source.sourceClusterName().equals(managedName)) {
            throw new InvalidInputException("field \"sourceClusterName\" must differ from managedName: "
                    + "the source must never look like one of the lifecycle's copies");
        }
        Modification modification = config.modification();
        if (!modification.sqlScripts().isEmpty() && !modification.manageMasterUserPassword()) {
            throw new InvalidInputException("field \"sqlScripts\" needs \"manageMasterUserPassword\": true: the RDS "
                    + "Data API signs in with the copy's managed secret, never with production's password");
        }
        boolean verifies = !config.verification().isEmpty();
        if (verifies && !modification.manageMasterUserPassword()) {
            throw new InvalidInputException("field \"verify\" needs \"manageMasterUserPassword\": true: the RDS "
                    + "Data API signs in with the copy's managed secret, never with production's password");
        }
        if (!modification.sqlScripts().isEmpty() || verifies) {
            checkDataApiOffered(placement, verifies ? "verify" : "sqlScripts");
        }
        checkTagBudget(config.labels().tags().size(), !modification.sqlScripts().isEmpty(), verifies);
        checkRoleFeatures(config);
        Long drainMinutes = config.retirement().drainMinutes();
        long ttl = config.dns().ttl();
        if (drainMinutes != null && drainMinutes < Retirement.leastDrainMinutes(ttl)) {
            throw new InvalidInputException("field \"drainMinutes\" must be at least twice the record's ttl (" + ttl
                    + " s), so at least " + Retirement.leastDrainMinutes(ttl)
                    + ": clients still resolve the old copy for up to a ttl");
        }
        if (source.sourceSnapshotArn() != null && source.sourceClusterName() != null) {
            throw new InvalidInputException("fields \"sourceClusterName\" and \"sourceSnapshotArn\" exclude each other: "
                    + "give the cluster (its newest snapshot is restored) or one snapshot");
        }
    }

    /** The fields one operation cannot run without, and the ones it cannot use. */
    static void checkFieldsOf(LifecycleConfig config, Operation operation) {
        switch (operation) {
            case NEW -> {
                if (config.source().sourceClusterName() == null && config.source().sourceSnapshotArn() == null) {
                    throw new InvalidInputException("field \"sourceClusterName\" is required for new (or "
                            + "\"sourceSnapshotArn\", a snapshot shared from another account)");
                }
                checkPlacement(config.placement(), operation);
            }
            case CLONE -> {
                CopySource source = config.source();
                require(source.sourceClusterName(), "sourceClusterName", operation);
                if (source.isSharedCluster()) {
                    throw new InvalidInputException("field \"sourceClusterName\" must be a cluster of this account "
                            + "for clone (a name, not an ARN): clones are made in the source's account");
                }
                if (source.sourceSnapshotArn() != null) {
                    throw new InvalidInputException("field \"sourceSnapshotArn\" cannot be used with clone: "
                            + "a clone is made from a cluster, not a snapshot");
                }
                checkPlacement(config.placement(), operation);
                if (config.placement().engine() != null || config.placement().engineVersion() != null) {
                    throw new InvalidInputException("field \""
                            + (config.placement().engine() != null ? "engine" : "engineVersion")
                            + "\" cannot be used with clone: a clone always has its source's engine and version");
                }
            }
            // Retire reads the DNS fields too: it must know what DNS points to before it deletes anything.
            case PROMOTE, RETIRE, ROLLBACK -> {
                if (config.dns().hostedZoneIds().isEmpty()) {
                    throw new InvalidInputException(FieldMessages.field("hostedZoneIds") + " is required for "
                            + operation.cliName() + " (a non-empty list of hosted zone ids)");
                }
                require(config.dns().recordSetName(), "recordSetName", operation);
            }
            // Stop and start act on the promoted copy, which the lifecycle's name alone finds.
            case MODIFY, STOP, START -> {
            }
        }
    }

    /**
     * RDS allows 50 tags a resource ({@link Labels#MAX_EXTRA_TAGS} for the document's): with sqlScripts a copy carries
     * its SQL progress, and with verify the time it passed its checks or the check that rejected it.
     */
    private static void checkTagBudget(int tags, boolean sqlScripts, boolean verify) {
        int most = Labels.MAX_EXTRA_TAGS - (sqlScripts ? 1 : 0) - (verify ? 1 : 0);
        if (tags > most) {
            throw new InvalidInputException("field \"tags\" has " + tags + " entries; with "
                    + (sqlScripts && verify ? "sqlScripts and verify" : sqlScripts ? "sqlScripts" : "verify")
                    + " at most " + most + " are allowed (the copy carries "
                    + (sqlScripts && verify ? "tags for its SQL progress and its verification or rejection"
                    : sqlScripts ? "a tag for its SQL progress" : "a tag for its verification or its rejection") + ")");
        }
    }

    /** The copies the document makes must offer the Data API that runs its sqlScripts and verify ({@link DataApiAvailability}). */
    private static void checkDataApiOffered(Placement placement, String field) {
        String instanceClass = placement.dbInstanceClass();
        if (instanceClass != null && !DataApiAvailability.offeredOn(instanceClass)) {
            throw new InvalidInputException(FieldMessages.field("dbInstanceClass") + " is " + instanceClass
                    + ", a T class, where AWS does not offer the RDS Data API that runs " + field + "; choose another "
                    + "class (for example db.r6g.large or db.serverless) or remove " + field);
        }
        if (placement.engineVersion() != null) {
            DataApiAvailability.versionRefusal(placement.engine(), placement.engineVersion()).ifPresent(why -> {
                throw new InvalidInputException(FieldMessages.field("engineVersion") + ": " + why);
            });
        }
    }

    /** A document that says its copies are Aurora PostgreSQL names each role's feature, as RDS requires there. */
    private static void checkRoleFeatures(LifecycleConfig config) {
        String engine = config.placement().engine();
        List<IamRole> roles = config.modification().iamRoles();
        for (int i = 0; i < roles.size(); i++) {
            IamRole role = roles.get(i);
            if (role.lacksFeatureFor(engine)) {
                throw new InvalidInputException(FieldMessages.field("iamRoleNames[" + i + "]") + " (role \"" + role.name()
                        + "\") has no featureName, which RDS requires to associate a role with an " + engine
                        + " cluster: give {\"name\": \"" + role.name() + "\", \"featureName\": \"s3Import\"} with "
                        + "the feature the role is for (s3Import, s3Export, Lambda, ...)");
            }
        }
    }

    private static void checkPlacement(Placement placement, Operation operation) {
        require(placement.dbSubnetGroupName(), "dbSubnetGroupName", operation);
        require(placement.dbInstanceClass(), "dbInstanceClass", operation);
        if (Placement.SERVERLESS_CLASS.equals(placement.dbInstanceClass()) && placement.serverlessV2() == null) {
            throw new InvalidInputException("field \"serverlessV2\" is required with dbInstanceClass "
                    + Placement.SERVERLESS_CLASS + " ({\"minCapacity\": n, \"maxCapacity\": n})");
        }
    }

    private static void require(Object value, String name, Operation operation) {
        if (value == null) {
            throw new InvalidInputException(FieldMessages.field(name) + " is required for " + operation.cliName());
        }
    }
}
