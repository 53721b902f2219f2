package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.Operation;

/**
 * What each stage does, in the words both {@code --help} and the stage table of docs/operations.md show: the one
 * source of both (a test compares the table's rows with these, so a change here is a change there). The text is
 * Markdown as the table shows it; {@link #plain} is how a terminal shows it.
 *
 * @param summary one line in {@code aurora-echo --help}'s list of commands
 * @param actsOn  which copies the stage acts on
 * @param does    what it does and when it does nothing
 */
record StageText(String summary, String actsOn, String does) {
    static StageText of(Operation operation) {
        return switch (operation) {
            case NEW -> new StageText("restore a new copy from the newest snapshot of the source cluster",
                    "the lifecycle",
                    "Restores a new cluster from the newest snapshot of `sourceClusterName` whose status is "
                            + "`available` (manual and automated, all pages), and creates its instance once the cluster is "
                            + "`available` (see [the cluster's first minutes](#the-clusters-first-minutes)). Engine and "
                            + "version come from the snapshot unless given. Does nothing while a copy of the lifecycle is "
                            + "younger than `minimumAgeHours`.");
            case CLONE -> new StageText("make a new copy as a copy-on-write clone of the source cluster",
                    "the lifecycle",
                    "A copy-on-write clone of `sourceClusterName` at its latest restorable time, then its "
                            + "instance once the cluster is `available`. Does nothing while a copy of the lifecycle is "
                            + "younger than `minimumAgeHours`.");
            case MODIFY -> new StageText("prepare the copy in stage new (roles, backups, deletion protection, "
                    + "password, SQL); move it to modified",
                    "the newest copy in stage `new`",
                    "Creates its instance when new or clone left it without one and its cluster is now "
                            + "`available` (outcome `waiting`). Once its cluster and instance are `available` (else outcome "
                            + "`waiting`), associates each IAM role of `iamRoleNames` not yet associated, enforces the "
                            + "copy's settings (one day of backups, no deletion protection, and the optional managed "
                            + "password and parameter group), runs the optional sanitizing SQL (see [secure "
                            + "copies](secure-copies.md)), then marks it `modified`. A copy stopped by hand is started "
                            + "first (outcome `waiting`): RDS modifies no stopped cluster.");
            case PROMOTE -> new StageText("point the CNAME record(s) at the newest modified copy; retire the one it "
                    + "replaces",
                    "the newest copy in stage `modified`",
                    "Once available (a stopped copy is started first, outcome `waiting`), runs the document's "
                            + "optional `verify` checks on it (see [verify](verify.md)): "
                            + "one that fails leaves DNS where it is and rejects the copy (`retired`, never served). "
                            + "Then UPSERTs the CNAME `recordSetName` in every zone of `hostedZoneIds` to the copy's "
                            + "cluster (writer) endpoint, waits until Route53 reports the change `INSYNC`, then marks "
                            + "the copies it replaces `retired` and this one `promoted`. Then, with `stopRetired`, stops "
                            + "the copies it retired, and outside the `runningHours` the copy it serves (see [running "
                            + "hours](#running-hours)); one not `available` then is left as it is.");
            case RETIRE -> new StageText("delete the retired copies once their drain period is over",
                    "every copy in stage `retired`",
                    "Once its drain period is over (`drainMinutes` after it was retired), marks its cluster `retired` "
                            + "too, deletes its instances, then its cluster (with a final snapshot when `finalSnapshot` "
                            + "is true); then deletes the lifecycle's final snapshots older than "
                            + "`finalSnapshotRetentionDays`. Never one that DNS still points to, that has deletion "
                            + "protection, or the source cluster. A drained copy that is `stopped` is started first "
                            + "(outcome `waiting`), since RDS removes no instance from a stopped cluster; the next run "
                            + "deletes it.");
            case ROLLBACK -> new StageText("run by hand: point the CNAME record(s) back at the newest retired copy; "
                    + "reject the one it replaces",
                    "the newest copy in stage `retired` that is available or stopped and not rejected",
                    "No schedule: run it when the served copy proves bad (see [rolling back](verify.md#rolling-back)). "
                            + "UPSERTs the CNAME `recordSetName` in every zone of `hostedZoneIds` back to that copy, "
                            + "waits until Route53 reports the change `INSYNC`, writes the connection parameter, then "
                            + "marks it `promoted` and the copy it replaces `retired` and rejected (deleted after its "
                            + "drain). Fails when no retired copy is left (`drainMinutes` keeps one); does nothing once "
                            + "done, until the next promote. A `stopped` copy is started first (outcome `waiting`): run "
                            + "rollback again once it is available.");
            case STOP -> new StageText("stop the served copy, at the end of its running hours",
                    "every copy in stage `promoted`",
                    "Scheduled every day at `stop` in the `runningHours` time zone (see [running hours]"
                            + "(#running-hours)), or run by hand. Stops the copy's cluster with its instances when it "
                            + "is `available`; does nothing when it is `stopped`, and waits (outcome `waiting`) while "
                            + "it is between states.");
            case START -> new StageText("start the served copy, at the start of its running hours",
                    "every copy in stage `promoted`",
                    "Scheduled at `start` on each day of `runningHours`, in its time zone, or run by hand. Starts the "
                            + "copy's cluster with its instances when it is `stopped`; does nothing when it is "
                            + "`available`, and waits (outcome `waiting`) while it is between states.");
        };
    }

    /** Markdown as a terminal shows it: code spans without backticks, links as their text. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    }
}
