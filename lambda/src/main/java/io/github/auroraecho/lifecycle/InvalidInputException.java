package io.github.auroraecho.lifecycle;

/** A lifecycle document or command line that is rejected before any AWS call; the message names the field. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
