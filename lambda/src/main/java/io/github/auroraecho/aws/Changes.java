package io.github.auroraecho.aws;

import software.amazon.awssdk.awscore.AwsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The only way a mutating AWS call is made: each one is described, logged and recorded, and in a dry
 * run only described. Keeping this at the effect boundary makes a dry run unable to change anything.
 */
public final class Changes {
    private final boolean dryRun;
    private final String managedName;
    private final List<String> made = new ArrayList<>();
    /** The copy the last change named, so a run that fails unexpectedly can say which copy it was working on. */
    private String lastCopy;

    public Changes(boolean dryRun, String managedName) {
        this.dryRun = dryRun;
        this.managedName = managedName;
    }

    public String managedName() {
        return managedName;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /**
     * Makes (or in a dry run only describes) one change. {@code details} are key-value pairs for the log
     * line, such as the copy and the stage it moves from and to, so the logs can be queried by field.
     */
    public void apply(String description, Supplier<? extends AwsResponse> call, String... details) {
        applyByHand(description, () -> call.get().responseMetadata().requestId(), details);
    }

    /** {@link #apply} for a call made by hand (signed HTTP), which returns AWS's request id itself. */
    public void applyByHand(String description, Supplier<String> call, String... details) {
        made.add(description);
        for (int i = 0; i + 1 < details.length; i += 2) {
            if ("copy".equals(details[i]) && details[i + 1] != null) {
                lastCopy = details[i + 1];
            }
        }
        if (dryRun) {
            Log.info("planned", with(details, "managedName", managedName, "change", description));
            return;
        }
        String requestId = call.get();
        Log.info("changed", with(details, "managedName", managedName, "change", description, "requestId", requestId));
    }

    private static String[] with(String[] details, String... keyValues) {
        String[] all = java.util.Arrays.copyOf(keyValues, keyValues.length + details.length);
        System.arraycopy(details, 0, all, keyValues.length, details.length);
        return all;
    }

    /** The copy the last change (made, tried or planned) named; null before any. */
    public String lastCopy() {
        return lastCopy;
    }

    /** What was changed, or in a dry run what would have been. */
    public List<String> list() {
        return List.copyOf(made);
    }
}
