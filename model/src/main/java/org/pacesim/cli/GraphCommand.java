package org.pacesim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.pacesim.graph.GraphExport;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.ScenarioLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace graph}: prints the system graph as DOT (Graphviz) or Mermaid. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Prints a scenario's system graph as Graphviz DOT or Mermaid, left to right.")
final class GraphCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { dot, mermaid }

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the scenario file")
    private Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "dot", description = "dot or mermaid (default: ${DEFAULT-VALUE})")
    private Format format;

    @Override
    public Integer call() {
        SystemGraph g = SystemGraph.of(ScenarioLoader.load(file));
        spec.commandLine().getOut().print(format == Format.dot ? GraphExport.dot(g) : GraphExport.mermaid(g));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
