package io.github.auroraecho.aws;

/**
 * One ModifyDBCluster call carrying every setting that differs, so RDS modifies the cluster once.
 * A null or false component leaves that setting as it is.
 *
 * @param manageMasterUserPassword  a secret RDS creates in Secrets Manager replaces the copy's password (production's)
 * @param parameterGroup            the cluster parameter group to use
 * @param backupRetentionPeriod     days
 * @param disableDeletionProtection turns deletion protection off, so that retire can delete the copy
 */
public record ClusterChange(boolean manageMasterUserPassword, String parameterGroup, Long backupRetentionPeriod,
                            boolean disableDeletionProtection) {

    public boolean isEmpty() {
        return !manageMasterUserPassword && parameterGroup == null && backupRetentionPeriod == null
                && !disableDeletionProtection;
    }

    /** Words for the change log, such as "backup retention 1 days, deletion protection off". */
    public String describe() {
        java.util.List<String> what = new java.util.ArrayList<>();
        if (manageMasterUserPassword) {
            what.add("master password managed by RDS in Secrets Manager");
        }
        if (parameterGroup != null) {
            what.add("cluster parameter group " + parameterGroup);
        }
        if (backupRetentionPeriod != null) {
            what.add("backup retention " + backupRetentionPeriod + " days");
        }
        if (disableDeletionProtection) {
            what.add("deletion protection off");
        }
        return String.join(", ", what);
    }
}
