package org.pacesim.cli;

import picocli.CommandLine.Option;

/** {@code -t/--threads}, for every command that runs replications in parallel: one wording, one check. */
final class ThreadsOption {
    @Option(names = {"-t", "--threads"}, paramLabel = "T",
            description = "worker threads (default: all cores); results are identical for any value")
    Integer threads;

    /** The number of threads asked for, checked, or the number of cores. */
    int threads() {
        return Options.threads(threads);
    }
}
