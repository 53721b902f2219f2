/**
 * The lifecycle model: the document ({@link io.github.auroraecho.lifecycle.LifecycleConfig}, read in sections
 * and checked by {@link io.github.auroraecho.lifecycle.LifecycleRules}), copies, their names, stages and tags.
 * Pure values and rules, no AWS calls.
 *
 * <p>Layers, one way only: handlers ({@code lambda}) and the command line ({@code cli}) use {@code stages} and
 * {@code status}, which use the AWS gateways ({@code aws}), which use this model; {@code LayeringTest} enforces
 * what each package-info allows.
 *
 * <p>May use: no other package of the project.
 */
package io.github.auroraecho.lifecycle;
