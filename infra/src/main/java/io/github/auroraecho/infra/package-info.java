/**
 * The CDK app: one stack per environment of {@code infra/environments.json}.
 *
 * <p>{@link io.github.auroraecho.infra.InfraApp} reads the {@link io.github.auroraecho.infra.Settings} (records
 * {@link io.github.auroraecho.infra.EnvironmentSettings}, {@link io.github.auroraecho.infra.LifecycleSchedule},
 * {@link io.github.auroraecho.infra.StageSchedule}) and builds an {@link io.github.auroraecho.infra.AuroraEchoStack}:
 * a {@link io.github.auroraecho.infra.StageFunction} per operation, one schedule group with a schedule per lifecycle and
 * scheduled stage (and, for a lifecycle with running hours, its stop and start),
 * one alarm topic. What a stage may do on AWS is {@link io.github.auroraecho.infra.StagePermissions} (with a class
 * per stage); every accepted cdk-nag finding is in {@link io.github.auroraecho.infra.Suppressions}.
 *
 * <p>May use: {@code io.github.auroraecho.lifecycle} (the lifecycle document's parser, its strict
 * {@code DocumentReader}, {@code Operation}) so that a settings file is checked exactly as the functions will read
 * it, and the CDK. Never the Lambda's handlers, stages or AWS gateways: the stack describes the functions, it does not
 * run them. Nothing in the lambda module may use this package.
 */
package io.github.auroraecho.infra;
