package io.github.auroraecho.lifecycle;

/** How retire deletes a copy. */
public record Retirement(boolean finalSnapshot) {
    public static final Retirement DEFAULT = new Retirement(false);

    static Retirement read(DocumentReader doc) {
        return new Retirement(doc.bool("finalSnapshot", false));
    }
}
