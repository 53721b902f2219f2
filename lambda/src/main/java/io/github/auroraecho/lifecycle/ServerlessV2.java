package io.github.auroraecho.lifecycle;

/** Aurora Serverless v2 capacity range, in ACUs, for copies with instance class {@code db.serverless}. */
public record ServerlessV2(double minCapacity, double maxCapacity) {
}
