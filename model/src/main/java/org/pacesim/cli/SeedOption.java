package org.pacesim.cli;

import picocli.CommandLine.Option;

/** {@code --seed}, for every command that runs scenarios: one wording, one field. */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "S", description = "seed for every scenario run (default: the seed in the file)")
    Long seed;
}
