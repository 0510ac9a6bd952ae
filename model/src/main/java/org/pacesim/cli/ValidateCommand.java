package org.pacesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pacesim.experiment.Uncertainty;
import org.pacesim.graph.FlowModel;
import org.pacesim.graph.SystemGraph;
import org.pacesim.random.Distributions;
import org.pacesim.scenario.Caseload;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Problem;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.StageSpec;
import org.pacesim.scenario.UncertaintySpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pace validate}: checks files and shows what they imply, without running. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files without running them.",
                "Prints each stage's implied duration (mean, median, p90 in weeks), expected entries per year, and "
                        + "each resource's and meeting's offered load. Checks the ranges of an uncertainty: block a "
                        + "file has or inherits as pace uncertainty would: every value at the bottom, middle and top of"
                        + " its range must build. Exit code 2 if any file has problems."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "scenario files")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path f : files) {
            try {
                Scenario s = ScenarioLoader.load(f);
                SystemGraph g = SystemGraph.of(s);
                // the uncertainty: block's ranges are checked now, not first when pace uncertainty runs
                UncertaintySpec block = ScenarioLoader.uncertainty(f);
                List<UncertaintySpec.Varied> varied = block == null ? List.of() : Uncertainty.check(f, s, block);
                out.print(describe(s, g));
                if (block != null) {
                    out.printf(Locale.ROOT, "  uncertainty: %d value%s over %d points; each builds at the bottom,"
                            + " middle and top of its range%n", varied.size(), varied.size() == 1 ? " varies" : "s vary",
                            block.points());
                }
                out.println();
            } catch (InvalidInputException e) {
                bad++;
                for (Problem p : e.problems()) err.println(p.format());
                err.println();
            }
        }
        err.flush();
        if (bad > 0) {
            err.println(bad + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " had problems.");
            return Pace.INVALID;
        }
        out.println(files.size() == 1 ? "The file is valid." : "All " + files.size() + " files are valid.");
        return 0;
    }

    static String describe(Scenario s, SystemGraph g) {
        FlowModel flows = new FlowModel(g);
        StringBuilder sb = new StringBuilder();
        sb.append(s.file()).append(": ").append(s.name()).append('\n');
        for (var c : s.changes()) sb.append("  change: ").append(c.summary()).append('\n');
        sb.append(String.format(Locale.ROOT, "  %-26s %-8s %-22s %10s %9s %11s%n", "stage", "kind", "mean (w)",
                "median (w)", "p90 (w)", "entries/yr"));
        for (String name : g.pathwayOrder()) {
            StageSpec st = s.stages().get(name);
            DistributionSpec d = durationOf(st);
            String mean = "", median = "", p90 = "";
            if (d != null) {
                Distributions.Implied imp = Distributions.implied(d);
                double scale = scaleOf(st);
                mean = w(imp.mean() * scale);
                median = w(imp.median() * scale);
                p90 = w(imp.p90() * scale);
            } else if (st instanceof StageSpec.Delay dl && dl.until() != null) {
                mean = dl.until().age() != null ? "until age " + dl.until().age().describe()
                        : "until " + dl.until().milestone() + " + " + Durations.format(dl.until().plus());
            } else if (st instanceof StageSpec.Meeting m) {
                mean = m.rule() != null ? "sits " + m.rule().text()
                        : m.dates().length > 0 ? m.dates().length + " sittings"
                        : "sits every " + Durations.format(m.every());
            }
            sb.append(String.format(Locale.ROOT, "  %-26s %-8s %-22s %10s %9s %11.1f%n", name, st.kind(), mean, median,
                    p90, flows.entriesPerYear().get(name)));
        }
        if (s.caseload() != null) sb.append(caseload(s));
        for (Map.Entry<String, FlowModel.Load> e : flows.loads().entrySet()) {
            FlowModel.Load l = e.getValue();
            sb.append("  ").append(l.kind()).append(' ').append(l.name()).append(": offered load ").append(l.describe())
                    .append(l.overloaded() ? "  OVERLOADED: its queue grows without bound" : "").append('\n');
        }
        return sb.toString();
    }

    /**
     * How many children the caseload puts where, and which of them have been in a stage for longer than its
     * duration distribution allows (beyond its 99.9th percentile): they go on at once, which is worth a look at
     * the data.
     */
    private static String caseload(Scenario s) {
        Caseload c = s.caseload();
        Map<String, Integer> count = new java.util.LinkedHashMap<>();
        Map<String, Integer> overdue = new java.util.LinkedHashMap<>();
        for (Caseload.Child ch : c.children()) {
            count.merge(ch.stage(), 1, Integer::sum);
            StageSpec st = s.stages().get(ch.stage());
            DistributionSpec d = st instanceof StageSpec.Meeting ? null : durationOf(st);
            if (d != null && ch.inStage() > Distributions.of(d).inverseF(0.999) * scaleOf(st)) {
                overdue.merge(ch.stage(), 1, Integer::sum);
            }
        }
        for (Caseload.Group g : c.groups()) count.merge(g.stage(), g.count(), Integer::sum);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  caseload: %d children at the start%s, in %d"
                + " stages; most in ", c.size(), c.file() == null ? "" : " (" + c.file() + ")", count.size()));
        sb.append(String.join(", ", count.entrySet().stream().sorted(Map.Entry.comparingByValue(
                java.util.Comparator.reverseOrder())).limit(5).map(e -> e.getKey() + " " + e.getValue()).toList()));
        sb.append('\n');
        for (Map.Entry<String, Integer> e : overdue.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  caseload: %d in %s have been there longer than 99.9%% of its"
                    + " durations; they go on at once%n", e.getValue(), e.getKey()));
        }
        return sb.toString();
    }

    private static DistributionSpec durationOf(StageSpec s) {
        if (s instanceof StageSpec.Delay d) return d.duration();
        if (s instanceof StageSpec.Service sv) return sv.duration();
        if (s instanceof StageSpec.Meeting m) return m.decisionDelay();
        return null;
    }

    private static double scaleOf(StageSpec s) {
        if (s instanceof StageSpec.Delay d) return d.scale();
        if (s instanceof StageSpec.Service sv) return sv.scale();
        if (s instanceof StageSpec.Meeting m) return m.scale();
        return 1;
    }

    private static String w(double days) {
        return String.format(Locale.ROOT, "%.1f", days / Durations.WEEK);
    }
}
