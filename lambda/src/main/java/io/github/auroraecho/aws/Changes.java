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

    public Changes(boolean dryRun, String managedName) {
        this.dryRun = dryRun;
        this.managedName = managedName;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public void apply(String description, Supplier<? extends AwsResponse> call) {
        made.add(description);
        if (dryRun) {
            Log.info("planned", "managedName", managedName, "change", description);
            return;
        }
        AwsResponse response = call.get();
        Log.info("changed", "managedName", managedName, "change", description,
                "requestId", response.responseMetadata().requestId());
    }

    /** What was changed, or in a dry run what would have been. */
    public List<String> list() {
        return List.copyOf(made);
    }
}
