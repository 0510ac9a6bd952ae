/**
 * The picocli commands ({@code Pace} and one class per command), the options they share ({@code SeedOption},
 * {@code ThreadsOption}, {@code Options}) and progress on the terminal. Uses every other package.
 */
package org.pacesim.cli;
