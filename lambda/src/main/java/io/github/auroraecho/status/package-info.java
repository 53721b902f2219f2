/**
 * The read-only report of every lifecycle's copies ({@code status} on the command line).
 *
 * <p>May use: {@code aws}, {@code lifecycle}.
 */
package io.github.auroraecho.status;
