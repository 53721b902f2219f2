package io.github.auroraecho.infra;

/** Memory and timeout of one stage function. */
public record StageSize(int memoryMb, int timeoutSeconds) {
}
