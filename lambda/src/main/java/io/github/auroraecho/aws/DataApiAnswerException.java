package io.github.auroraecho.aws;

/**
 * The RDS Data API answered a call without what its API reference says the answer carries (a
 * BeginTransaction without a transaction id, a commit without its status): modify cannot know where the
 * statement's transaction stands, so it stops rather than run a statement outside its transaction.
 */
public final class DataApiAnswerException extends RuntimeException {
    private final String call;

    DataApiAnswerException(String call, String missing) {
        super("the RDS Data API answered " + call + " without " + missing);
        this.call = call;
    }

    /** The Data API operation whose answer was not as documented. */
    public String call() {
        return call;
    }
}
