package io.github.auroraecho.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * CDK's rule for a resource's logical ID from its construct path below the stack (aws-cdk-lib's {@code makeUniqueId},
 * which Java cannot call): the path's alphanumerics, then the first 8 hex digits of the MD5 of the path. Used to give
 * a resource inside a {@link StageFunction} the ID it had before that construct existed (see
 * {@link AuroraEchoStack#allocateLogicalId}); StackTest checks it against CDK's own IDs.
 */
final class LogicalIds {
    /** A path component left out of IDs altogether. */
    private static final String HIDDEN = "Default";
    /** A path component left out of the readable part (the L1 resource of an L2 construct). */
    private static final String HIDDEN_FROM_HUMAN = "Resource";
    private static final int MAX_HUMAN_LENGTH = 240;
    private static final int MAX_ID_LENGTH = 255;

    private LogicalIds() {
    }

    static String of(List<String> path) {
        List<String> components = path.stream().filter(c -> !HIDDEN.equals(c)).toList();
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a logical ID needs a path");
        }
        if (components.size() == 1) {
            String candidate = alphanumeric(components.get(0));
            if (candidate.length() <= MAX_ID_LENGTH) {
                return candidate;
            }
        }
        StringBuilder human = new StringBuilder();
        for (String component : withoutRepeats(components)) {
            if (!HIDDEN_FROM_HUMAN.equals(component)) {
                human.append(alphanumeric(component));
            }
        }
        return human.substring(0, Math.min(human.length(), MAX_HUMAN_LENGTH)) + hash(components);
    }

    /** A component that ends the previous one adds nothing readable ({@code Role/Role} reads as {@code Role}). */
    private static List<String> withoutRepeats(List<String> components) {
        List<String> kept = new ArrayList<>();
        for (String component : components) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).endsWith(component)) {
                kept.add(component);
            }
        }
        return kept;
    }

    private static String alphanumeric(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String hash(List<String> components) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(String.join("/", components)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5).substring(0, 8).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
