package org.pacesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.RunCharts;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.report.charts.Runs;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Scenario;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.Summary;

/**
 * findings.md: the experiment's answer for a workshop. Warnings first (a scenario whose system is overloaded or
 * whose cohort is heavily censored is flagged, never quoted as a finding), then one compact table of the main
 * measures (baseline level, each scenario's level and difference with its 95% CI), then a short paragraph per
 * intervention, ranked by its effect on the main statistic, naming only the clear changes (95% CI excluding zero)
 * and what it changed, stage by stage, against the baseline. A difference whose interval contains zero is never
 * rounded into an effect. The reasons for each change, quoted from the sources, are in report.html.
 */
public final class Findings {
    private Findings() {}

    /** The markdown text. */
    public static String of(Experiment.Results r) {
        StringBuilder sb = new StringBuilder();
        ScenarioResults base = r.runs().get(0);
        Scenario bs = base.scenario();
        List<ScenarioResults> ranked = Runs.of(r).ranked();
        sb.append("# Findings: ").append(r.spec().name()).append("\n\n");
        if (!r.spec().description().isEmpty()) sb.append(r.spec().description().trim()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Baseline: **%s** (`%s`); %d replications per scenario, seed %d, common"
                + " random numbers (differences paired by replication).%n%n", bs.name(), bs.file(),
                base.replications().size(), bs.run().seed()));
        warnings(r, sb);

        KeyFigures key = new KeyFigures(r, ranked);
        sb.append("## Key figures\n\n");
        sb.append("Level, then (difference from the baseline; 95% CI), **bold** where the CI excludes zero. Weeks;"
                + " shares in %, differences in percentage points.\n\n");
        sb.append(key.markdown()).append('\n');

        String main = phrase(bs, r.spec().mainStatistic(), r.spec().mainMeasure());
        sb.append("## What each intervention does\n\n");
        sb.append("Ranked by effect on ").append(main).append("; clear changes only (95% CI excluding zero), then the"
                + " net change per stage.\n\n");
        List<String> everChanged = new ArrayList<>();
        List<String> inTable = key.columns().stream().map(KeyFigures.Column::measure).toList();
        int k = 1;
        for (ScenarioResults run : ranked.subList(1, ranked.size())) {
            String name = run.name();
            Comparison.Difference d = r.difference(name, r.spec().mainMeasure(), r.spec().mainStatistic());
            String flag = Caveats.flag(run);
            sb.append(k++).append(". **").append(name).append("**");
            if (!flag.isEmpty()) sb.append(" [").append(flag.toUpperCase(Locale.ROOT)).append(": not a finding]");
            sb.append(": ").append(d == null ? "no " + main : sentence(d)).append('.');
            // Clear changes beyond the table, grouped by statistic so each reads as one short list.
            java.util.Map<MeasureStat, List<String>> clear = new java.util.EnumMap<>(MeasureStat.class);
            for (String m : headlineMeasures(r)) {
                if (inTable.contains(m)) continue;
                Comparison.Difference h = r.difference(name, m, headline(r, m));
                // (a change too small to show at one decimal is clear to the statistics but not to a reader)
                if (h == null || !h.clear() || number(Math.abs(h.difference().mean()) * h.statistic().readingScale()).equals("0.0")) {
                    continue;
                }
                clear.computeIfAbsent(headline(r, m), x -> new ArrayList<>()).add(change(bs, r, h));
                if (!everChanged.contains(m)) everChanged.add(m);
            }
            for (KeyFigures.Column c : key.columns()) {
                Comparison.Difference h = r.difference(name, c.measure(), c.statistic());
                if (h != null && h.clear() && !everChanged.contains(c.measure())) everChanged.add(c.measure());
            }
            for (java.util.Map.Entry<MeasureStat, List<String>> e : clear.entrySet()) {
                sb.append(' ').append(e.getKey() == MeasureStat.WITHIN_TARGET ? "Within target"
                        : capital(e.getKey().key()) + "s").append(": ").append(String.join(", ", e.getValue()))
                        .append(e.getKey() == MeasureStat.WITHIN_TARGET ? " points." : " weeks.");
            }
            List<NetChanges.Stage> net = NetChanges.of(bs, run.scenario());
            if (!net.isEmpty()) {
                sb.append(" Changed: ").append(NetChanges.summary(net)).append('.');
            }
            sb.append('\n');
        }
        if (ranked.size() == 1) sb.append("No intervention to compare with the baseline.\n");
        List<String> never = new ArrayList<>();
        for (String m : headlineMeasures(r)) {
            if (!m.equals(r.spec().mainMeasure()) && !everChanged.contains(m)) {
                never.add(headlineName(bs, r, m) + " (" + KeyFigures.level(estimate(base, m, headline(r, m)),
                        headline(r, m)) + (headline(r, m).isDuration() ? " weeks" : "") + " in the baseline)");
            }
        }
        if (!never.isEmpty()) {
            sb.append("\nNo intervention clearly changed: ").append(String.join("; ", never)).append(".\n");
        }

        if (r.runs().stream().anyMatch(run -> CaseloadClearance.sentence(run) != null)) {
            sb.append("\n## Today's caseload\n\n");
            for (ScenarioResults run : r.runs()) {
                String c = CaseloadClearance.sentence(run);
                if (c != null) sb.append("- ").append(run.name()).append(": ").append(c).append("\n");
            }
        }
        String runCharts = RunChartFiles.sentences(r, RunCharts.of(r));
        if (runCharts != null) sb.append("\n## Run charts\n\n").append(runCharts);
        sb.append("\n## Notes\n\n");
        sb.append("- Cohort: ").append(range(r.runs(), run -> average(run, ReplicationResult::cohort),
                "%.1f children")).append(" per replication; censored (still waiting at the end of follow-up): ")
                .append(range(r.runs(), run -> average(run, ReplicationResult::censored), "%.2f")).append(".\n");
        if (r.crn() != null) {
            Experiment.CrnGain c = r.crn();
            sb.append(String.format(Locale.ROOT, "- Common random numbers: %s's main difference has a CI half-width"
                    + " of %s, against %s with independent streams.%n", c.scenario(),
                    amount(r.spec().mainStatistic(), c.crnHalfWidth()),
                    amount(r.spec().mainStatistic(), c.independentHalfWidth())));
        }
        sb.append("- The CSV files give days; comparison.csv has every difference with its CI, report.html the charts"
                + " and each change's reason.\n");
        return sb.toString();
    }

    /**
     * What the terminal shows after an experiment: the warnings, the key figures as a plain table and the
     * scenarios' order; findings.md and report.html have the rest.
     */
    public static String terminal(Experiment.Results r) {
        StringBuilder sb = new StringBuilder();
        for (ScenarioResults run : r.runs()) {
            for (Caveats.Caveat c : Caveats.of(run)) {
                sb.append("warning: ").append(run.name()).append(": ").append(c)
                        .append(" - not a finding\n");
            }
        }
        if (sb.length() > 0) sb.append('\n');
        sb.append(r.spec().name()).append(": key figures (level, then difference from the baseline; 95% CI)\n\n");
        sb.append(new KeyFigures(r, Runs.of(r).ranked()).text());
        return sb.toString();
    }

    /** Overloaded or heavily censored scenarios, before any table: their figures are not findings. */
    private static void warnings(Experiment.Results r, StringBuilder sb) {
        List<String> lines = new ArrayList<>();
        for (ScenarioResults run : r.runs()) {
            for (Caveats.Caveat c : Caveats.of(run)) lines.add("- **" + run.name() + "**: " + c);
        }
        if (lines.isEmpty()) return;
        sb.append("## Warnings\n\nThe figures of these scenarios are not findings: their system is overloaded or"
                + " too many children are still waiting at the end of follow-up. They are marked wherever they"
                + " appear.\n\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        sb.append('\n');
    }

    /** The measures the paragraphs look at: the experiment's, or the baseline's when it names none. */
    private static List<String> headlineMeasures(Experiment.Results r) {
        List<String> measures = r.runs().get(0).layout().measures();
        return r.spec().measures().isEmpty() ? measures
                : r.spec().measures().stream().filter(measures::contains).toList();
    }

    /** The statistic a measure is named by: the share within target when it has one (and it was compared), else the median. */
    private static MeasureStat headline(Experiment.Results r, String measure) {
        int i = r.runs().get(0).layout().measures().indexOf(measure);
        boolean target = i >= 0 && !Double.isNaN(r.runs().get(0).layout().targets()[i]);
        if (target && r.spec().statistics().contains(MeasureStat.WITHIN_TARGET)) return MeasureStat.WITHIN_TARGET;
        return r.spec().statistics().contains(MeasureStat.MEDIAN) ? MeasureStat.MEDIAN : r.spec().statistics().get(0);
    }

    private static String headlineName(Scenario s, Experiment.Results r, String measure) {
        MeasureStat st = headline(r, measure);
        if (st != MeasureStat.WITHIN_TARGET) return phrase(s, st, measure);
        int i = r.runs().get(0).layout().measures().indexOf(measure);
        return Labels.measure(s, measure) + " within " + Durations.format(r.runs().get(0).layout().targets()[i]);
    }

    /**
     * A clear change in few words, its unit said once for its list: "Court time (20w) +36.6" (its interval is in
     * comparison.csv).
     */
    private static String change(Scenario s, Experiment.Results r, Comparison.Difference d) {
        String name = Labels.inSentence(Labels.measure(s, d.measure()));
        if (d.statistic() == MeasureStat.WITHIN_TARGET) {
            int i = r.runs().get(0).layout().measures().indexOf(d.measure());
            name += " (" + Durations.format(r.runs().get(0).layout().targets()[i]) + ")";
        }
        return name + " " + signed(d.difference().mean() * d.statistic().readingScale());
    }


    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A statistic of a scenario's measure in words, by the measure's label: "the median time to permanence". */
    static String phrase(Scenario s, MeasureStat statistic, String measure) {
        return statistic.phrase(s, measure);
    }

    /** A scenario's statistic of a measure across replications, or null. */
    static Summary.Estimate estimate(ScenarioResults r, String measure, MeasureStat s) {
        for (Summary.MeasureRow row : r.summary().measures()) {
            if (row.measure().equals(measure) && row.statistic() == s) return row.estimate();
        }
        return null;
    }

    /** A number to one decimal with its sign, never "-0.0". */
    static String signed(double v) {
        String s = number(v);
        return s.startsWith("-") || s.equals("0.0") ? s : "+" + s;
    }

    /** A number to one decimal, never "-0.0". */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    private static double average(ScenarioResults run, ToDoubleFunction<ReplicationResult> f) {
        return run.replications().stream().mapToDouble(f).average().orElse(0);
    }

    private static String range(List<ScenarioResults> runs, ToDoubleFunction<ScenarioResults> f, String format) {
        String lo = String.format(Locale.ROOT, format, runs.stream().mapToDouble(f).min().orElse(0));
        String hi = String.format(Locale.ROOT, format, runs.stream().mapToDouble(f).max().orElse(0));
        return lo.equals(hi) ? lo : lo + " to " + hi;
    }

    /** An amount of a statistic in its unit: "1.2 weeks", "0.8 percentage points", "3.0". */
    private static String amount(MeasureStat statistic, double v) {
        String unit = statistic.differenceUnit();
        return String.format(Locale.ROOT, "%.1f", v * statistic.readingScale()) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The main effect in a few words ("47.0 weeks shorter"); its interval is in the key figures. */
    private static String sentence(Comparison.Difference d) {
        boolean duration = d.statistic().isDuration();
        String unit = d.statistic().differenceUnit().isEmpty() ? "" : " " + d.statistic().differenceUnit();
        double v = d.difference().mean() * d.statistic().readingScale();
        if (!d.clear()) return String.format(Locale.ROOT, "no clear difference (%s%s)", signed(v), unit);
        String word = duration ? (v < 0 ? "shorter" : "longer") : (v < 0 ? "lower" : "higher");
        return String.format(Locale.ROOT, "%.1f%s %s", Math.abs(v), unit, word);
    }
}
