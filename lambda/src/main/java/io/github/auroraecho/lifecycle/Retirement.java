package io.github.auroraecho.lifecycle;

/** How retire deletes a copy. */
public record Retirement(boolean finalSnapshot) {
    static Retirement read(DocumentReader doc) {
        return new Retirement(doc.bool("finalSnapshot", false));
    }
}
