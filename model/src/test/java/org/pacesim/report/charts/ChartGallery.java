package org.pacesim.report.charts;

import java.nio.file.Files;
import java.nio.file.Path;

import org.pacesim.experiment.Experiment;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.ExperimentSpec;

/**
 * A tool, not a test: draws every chart of the test experiment into a folder, for a person to look at them (what
 * the tests check is that they are well formed and name their series, not that they read well).
 *
 * <pre>
 * mvn -q test-compile
 * java -cp model/target/classes:model/target/test-classes:$(cat cp.txt) org.pacesim.report.charts.ChartGallery DIR
 * </pre>
 * (run from {@code model/}; {@code cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ChartGallery {
    private ChartGallery() {}

    /** @param args the folder to write the charts to */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ChartGallery DIR (run from model/)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        System.setProperty("pace.graphviz", "false");
        Experiment.Results experiment = Experiment.run(
                ExperimentLoader.load(Path.of("src/test/resources/experiment/experiment.yaml")),
                new Experiment.Options(2, 6, null, Double.NaN, 100, false), null, null);
        Charts.draw(Runs.of(experiment), ExperimentSpec.CHARTS, (name, bytes) -> {
            try {
                Path p = dir.resolve(name);
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("charts written to " + dir.toAbsolutePath());
    }
}
