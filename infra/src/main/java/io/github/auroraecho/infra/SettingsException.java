package io.github.auroraecho.infra;

/** A bad or missing setting, reported at synth time before anything is deployed; the message names the setting. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
