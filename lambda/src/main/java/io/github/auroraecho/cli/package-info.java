/**
 * The command line: stages with a document or the aurora-echo 2.x flags, {@code status}, and the demo.
 *
 * <p>May use: {@code stages}, {@code status}, {@code aws}, {@code lifecycle}, {@code emulator}.
 */
package io.github.auroraecho.cli;
