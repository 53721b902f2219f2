package io.github.auroraecho.lifecycle;

import java.util.Map;

/**
 * What new and clone put on a copy besides its stage: the name's suffix and the document's own tags.
 *
 * @param tags in document order, on cluster and instance from their first call
 */
public record Labels(String suffix, Map<String, String> tags) {
    /**
     * RDS allows 50 tags a resource; the copy's own marks take some ({@link CopyTags}) and three keep times
     * ({@link TimeTag}) on every copy. {@link TimeTag#VERIFIED} is not counted here: only a lifecycle with verify
     * writes it, and {@code LifecycleRules} counts it there with the rejection tag (a copy is verified or rejected,
     * not both), as it counts the SQL progress tag with sqlScripts, so a document without them keeps its budget.
     */
    public static final int MAX_EXTRA_TAGS = 50 - CopyTags.RESERVED - (TimeTag.values().length - 1);

    public Labels {
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    static Labels read(DocumentReader doc) {
        return new Labels(
                doc.string("suffix", Identifiers::isSuffix,
                        "must be letters, digits and single hyphens, starting and ending with a letter or digit"),
                doc.stringMap("tags", MAX_EXTRA_TAGS,
                        Labels::isUserTagKey, "must be 1 to " + RdsTags.MAX_KEY_LENGTH + " " + RdsTags.CHARACTERS
                                + ", and must not start with \"aurora-echo:\", \"aws:\" or \"rds:\" (reserved)",
                        RdsTags::isValue, "must be at most " + RdsTags.MAX_VALUE_LENGTH + " " + RdsTags.CHARACTERS
                                + ", and must not start with \"aws:\" or \"rds:\""));
    }

    private static boolean isUserTagKey(String key) {
        return RdsTags.isKey(key) && !Stage.isReservedTagKey(key);
    }
}
