/**
 * The Lambda handlers, one per stage, a few lines each, and their SnapStart priming.
 *
 * <p>May use: {@code stages}, {@code aws}, {@code lifecycle}.
 */
package io.github.auroraecho.lambda;
