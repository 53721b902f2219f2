/**
 * The five stages: each decides from the lifecycle's copies with a pure function, then acts through the
 * gateways. {@link io.github.auroraecho.stages.Engine} runs one stage for one document and is what handlers
 * and the command line call.
 *
 * <p>May use: {@code aws}, {@code lifecycle}.
 */
package io.github.auroraecho.stages;
