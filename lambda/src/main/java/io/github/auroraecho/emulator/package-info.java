/**
 * moto's AWS emulator as a child process, for the demo and the tests.
 *
 * <p>May use: no other package of the project.
 */
package io.github.auroraecho.emulator;
