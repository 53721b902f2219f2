package io.github.auroraecho.lifecycle;

import java.util.Map;
import java.util.Optional;

/** The value of a copy's stage tag, shared with aurora-echo 2.x. */
public enum Stage {
    NEW("new"),
    MODIFIED("modified"),
    PROMOTED("promoted"),
    RETIRED("retired");

    private static final String TAG_PREFIX = "aurora-echo:";
    private static final String TAG_SUFFIX = ":stage";

    private final String tagValue;

    Stage(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tagValue() {
        return tagValue;
    }

    /** The tag key aurora-echo 2.x and this tool write: {@code aurora-echo:<managedName>:stage}. */
    public static String tagKey(String managedName) {
        return TAG_PREFIX + managedName + TAG_SUFFIX;
    }

    /** The managed name a stage tag key belongs to, or empty when the key is not a stage tag. */
    public static Optional<String> managedNameOf(String tagKey) {
        if (tagKey.startsWith(TAG_PREFIX) && tagKey.endsWith(TAG_SUFFIX)
                && tagKey.length() > TAG_PREFIX.length() + TAG_SUFFIX.length()) {
            return Optional.of(tagKey.substring(TAG_PREFIX.length(), tagKey.length() - TAG_SUFFIX.length()));
        }
        return Optional.empty();
    }

    public static boolean isReservedTagKey(String key) {
        return key.startsWith(TAG_PREFIX);
    }

    /** The stage a resource's tags give for a lifecycle; a value this tool does not know gives empty. */
    public static Optional<Stage> fromTags(Map<String, String> tags, String managedName) {
        return Optional.ofNullable(tags.get(tagKey(managedName))).flatMap(Stage::fromTagValue);
    }

    private static Optional<Stage> fromTagValue(String value) {
        for (Stage stage : values()) {
            if (stage.tagValue.equals(value)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
