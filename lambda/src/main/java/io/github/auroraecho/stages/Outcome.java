package io.github.auroraecho.stages;

/** How a run ended; the CLI exits 1 only for {@link #FAILED}. */
public enum Outcome {
    CHANGED("changed"),
    NOTHING_TO_DO("nothing-to-do"),
    WAITING("waiting"),
    PLANNED("planned"),
    FAILED("failed");

    private final String json;

    Outcome(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
