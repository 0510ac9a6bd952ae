package org.pacesim.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.pacesim.engine.Model;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.graph.SystemGraph;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * What the theory tests share: loading a scenario from {@code src/test/resources/theory}, running its replications
 * (the number, horizon, warm-up and seed written in the file) on {@value #THREADS} threads, pulling one figure per
 * replication out of the results, and the one assertion they all make: the analytic value lies in the Student-t
 * confidence interval across replications (95%, widened by Bonferroni when a test makes several comparisons), and
 * the 95% interval is narrow enough to mean something.
 *
 * <p>Results do not depend on the thread count (replication r always uses substream r), so the fixed seed in each
 * file makes every test deterministic: it passes or fails the same way on every run. A change that alters which
 * random numbers the engine draws (a new stream key, one more draw per event) redraws every comparison, and a
 * correct model then fails each test with probability up to 5%, and one or other of the eleven statistical tests
 * here about two times in five. Before suspecting a bug, rerun the scenario with other seeds and more
 * replications (the Javadoc of each test quotes such an independent check where its own sample came out near the
 * edge) and see whether the difference persists.
 */
final class Theory {
    /** Worker threads for every run; the figures are identical for any count. */
    static final int THREADS = 2;

    private Theory() {}

    /** A scenario file under {@code theory/} compiled for the engine. */
    static Model model(String file) {
        URL url = Theory.class.getResource("/theory/" + file);
        if (url == null) throw new IllegalArgumentException("no test scenario theory/" + file);
        try {
            return Model.compile(SystemGraph.of(ScenarioLoader.load(Path.of(url.toURI()))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the replications the scenario file asks for. */
    static List<ReplicationResult> run(Model model) {
        return ScenarioRun.run(model, model.scenario().run().replications(), THREADS, null);
    }

    /** One figure per replication. */
    static double[] each(List<ReplicationResult> results, ToDoubleFunction<ReplicationResult> figure) {
        return results.stream().mapToDouble(figure).toArray();
    }

    /** A stage statistic, one value per replication. */
    static double[] stage(Model model, List<ReplicationResult> results, String stage, StageStat stat) {
        int i = stageIndex(model, stage);
        return each(results, r -> r.stages()[i][stat.ordinal()]);
    }

    /** A measure statistic, one value per replication. */
    static double[] measure(Model model, List<ReplicationResult> results, String measure, MeasureStat stat) {
        int i = model.layout().measures().indexOf(measure);
        if (i < 0) throw new IllegalArgumentException("no measure '" + measure + "'");
        return each(results, r -> r.measures()[i][stat.ordinal()]);
    }

    /** Position of a stage in the result arrays (pathway order). */
    static int stageIndex(Model model, String stage) {
        int i = model.layout().stages().indexOf(stage);
        if (i < 0) throw new IllegalArgumentException("no stage '" + stage + "'");
        return i;
    }

    /** Mean over replications (NaN values left out, as in the project's summaries). */
    static double mean(double[] perReplication) {
        return Summary.estimate(perReplication).mean();
    }

    /**
     * A family of {@code count} comparisons of theory with simulation made by one test. Each comparison computes
     * the Student-t 95% CI across replications (the figure the project reports) and asserts that the analytic value
     * lies in it; when a test makes several comparisons at once, each is made at level 1 - 0.05/count instead
     * (Bonferroni), so that a correct model fails the test as a whole with probability at most 5%, as it would a
     * single 95% comparison. Both intervals are printed.
     */
    static Comparisons comparisons(int count) {
        return new Comparisons(count);
    }

    /** See {@link #comparisons(int)}. */
    static final class Comparisons {
        private final int count;
        private final double level;
        private int made;

        private Comparisons(int count) {
            if (count < 1) throw new IllegalArgumentException("count " + count);
            this.count = count;
            this.level = 1 - (1 - Summary.LEVEL) / count;
        }

        /**
         * Prints the comparison and asserts that {@code analytic} lies in the CI of the per-replication values at
         * this family's level, and that the 95% CI's half-width is at most {@code maxHalfWidth} (so that a pass is
         * not merely a wide interval).
         *
         * @param what          what is compared, with its unit, for the message
         * @param analytic      the value theory gives
         * @param perReplication one simulated value per replication
         * @param maxHalfWidth  the widest 95% half-width that still makes the comparison informative, same unit
         * @return the 95% estimate, for further checks
         */
        Summary.Estimate covers(String what, double analytic, double[] perReplication, double maxHalfWidth) {
            if (++made > count) throw new IllegalStateException("more comparisons than the " + count + " declared");
            Summary.Estimate ci95 = Summary.estimate(perReplication);
            double half = count == 1 ? ci95.halfWidth() : halfWidth(perReplication, level);
            double low = ci95.mean() - half;
            double high = ci95.mean() + half;
            String line = String.format(Locale.ROOT, "%s: analytic %.5g, simulated %.5g, 95%% CI [%.5g, %.5g]"
                            + " (half-width %.3g%s; limit %.3g)%s, %d replications",
                    what, analytic, ci95.mean(), ci95.low(), ci95.high(), ci95.halfWidth(),
                    analytic == 0 ? "" : String.format(Locale.ROOT, ", %.2f%% of analytic",
                            100 * ci95.halfWidth() / Math.abs(analytic)),
                    maxHalfWidth,
                    count == 1 ? "" : String.format(Locale.ROOT, ", %.2f%% CI [%.5g, %.5g]", 100 * level, low, high),
                    ci95.replications());
            System.out.println(line);
            assertEquals(perReplication.length, ci95.replications(), "a replication without a value. " + line);
            assertTrue(low <= analytic && analytic <= high, "analytic value outside the CI. " + line);
            assertTrue(ci95.halfWidth() <= maxHalfWidth, "CI too wide to be informative. " + line);
            return ci95;
        }
    }

    /** Student-t half-width at {@code level} of the non-NaN values. */
    static double halfWidth(double[] values, double level) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) if (!Double.isNaN(v)) s.addValue(v);
        double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return t * s.getStandardDeviation() / Math.sqrt(s.getN());
    }
}
