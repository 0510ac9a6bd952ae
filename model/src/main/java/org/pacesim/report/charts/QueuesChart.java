package org.pacesim.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.ResourceSpec;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.Band;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * Chart 5, queues over time: the number of children waiting at each capacity-limited stage (services, which wait
 * for a unit of a resource, and meetings, which wait for a sitting with a free place), month by month over the
 * run, the mean over replications for each scenario and, for the baseline, the band holding the middle 95% of
 * replications. The pathway fills up during the warm-up; the statistics use the months after it.
 */
final class QueuesChart {
    private static final int MAX_PANELS = 6;
    private static final int QUARTER = 3;

    private QueuesChart() {}

    static Figure draw(Runs runs) {
        ScenarioResults base = runs.baseline();
        List<String> stages = new ArrayList<>();
        List<StageSpec.Kind> kinds = base.layout().stageKinds();
        for (int i = 0; i < kinds.size() && stages.size() < MAX_PANELS; i++) {
            if (kinds.get(i).servesFromAQueue()) stages.add(base.layout().stages().get(i));
        }
        if (stages.isEmpty()) throw new NotDrawn("no service or meeting stage, so no queue");
        List<ScenarioResults> ranked = runs.ranked();
        double warmupMonths = base.scenario().run().warmup() / ReplicationDetail.MONTH;
        int cols = stages.size() <= 3 ? stages.size() : (stages.size() + 1) / 2;
        int rowsOfPanels = stages.size() <= 3 ? 1 : 2;
        Figure f = new Figure("queues", title(runs, stages), runs.subtitle());
        for (int p = 0; p < stages.size(); p++) {
            String stage = stages.get(p);
            Plot plot = new Plot(p / cols == rowsOfPanels - 1 ? "Months since the start of the run" : "",
                    p % cols == 0 ? "Children waiting" : "");
            plot.heading(runs.stage(stage), capacity(base, stage));
            plot.styler().setPlotGridVerticalLinesVisible(true);
            double top = 1;
            double end = 0;
            // grey lines first, so that the coloured ones are drawn over them
            List<Integer> drawOrder = new ArrayList<>();
            for (int i = ranked.size() - 1; i >= 0; i--) if (runs.greyed(i)) drawOrder.add(i);
            for (int i = ranked.size() - 1; i >= 0; i--) if (!runs.greyed(i)) drawOrder.add(i);
            for (int i : drawOrder) {
                ScenarioResults r = ranked.get(i);
                int s = r.layout().stages().indexOf(stage);
                if (s < 0) continue;
                List<double[]> curves = new ArrayList<>();
                for (ReplicationDetail d : r.details()) curves.add(quarters(d.waiting()[s]));
                Band b = Band.of(curves);
                double[] months = new double[b.mean().length];
                for (int k = 0; k < months.length; k++) months[k] = QUARTER * k + QUARTER / 2.0; // mid-quarter
                end = Math.max(end, (double) d0(r, s).length);
                if (i == 0) {
                    plot.band("95% band: " + Runs.name(r), months, b.low(), b.high(), Palette.alpha(Palette.BLACK, 40));
                    for (double v : b.high()) top = Math.max(top, v);
                }
                for (double v : b.mean()) top = Math.max(top, v);
                plot.line(Runs.name(r), months, b.mean(), runs.line(i));
            }
            double yMax = Math.ceil(top * 1.1);
            plot.range(0, end, 0, yMax);
            plot.segment("end of warm-up", warmupMonths, 0, warmupMonths, yMax, Palette.MUTED, 1.5f);
            f.panel(plot, (double) (p % cols) / cols, (double) (p / cols) / rowsOfPanels, 1.0 / cols,
                    1.0 / rowsOfPanels);
        }
        Legend legend = new Legend("Scenario");
        for (int i = 0; i < ranked.size(); i++) {
            if (!runs.greyed(i)) legend.line(Text.shorten(Runs.name(ranked.get(i)), 40), runs.line(i));
        }
        if (runs.greyedCount() > 0) legend.line(runs.greyedLabel(), Palette.OTHER);
        legend.box("middle 95% of baseline replications", Palette.alpha(Palette.BLACK, 40));
        return f.legend(legend, 360)
                .note(String.format(Locale.ROOT, "Mean number waiting in each quarter, over replications. Vertical line:"
                        + " end of the warm-up (month %.0f); the figures in the tables cover the months after it.",
                        warmupMonths))
                .caption("How many children wait, month by month, at each stage with limited capacity: a service"
                        + " waiting for a solicitor or the Agency Decision Maker, or a meeting waiting for a sitting with"
                        + " a free place. The pathway fills up during the warm-up (left of the vertical line); after it a"
                        + " flat line is a stable queue and a rising one a queue that outgrows its capacity. A change"
                        + " that moves the queue from one stage to another shows as one line falling and another rising.");
    }

    /**
     * Monthly averages pooled into three-month averages: one month of one replication holds only a handful of
     * arrivals, and the band would show that noise rather than how the queue behaves.
     */
    private static double[] quarters(double[] months) {
        double[] out = new double[(months.length + QUARTER - 1) / QUARTER];
        for (int q = 0; q < out.length; q++) {
            double sum = 0;
            int n = 0;
            for (int k = q * QUARTER; k < Math.min(months.length, (q + 1) * QUARTER); k++, n++) sum += months[k];
            out[q] = sum / n;
        }
        return out;
    }

    /** What limits a stage: its resource and how many units, or its sittings. */
    private static String capacity(ScenarioResults r, String stage) {
        StageSpec s = r.scenario().stages().get(stage);
        if (s instanceof StageSpec.Service sv) {
            ResourceSpec res = r.scenario().resources().get(sv.resource());
            return String.format(Locale.ROOT, "needs %s (%d)", Text.words(sv.resource()), res.capacity());
        }
        if (s instanceof StageSpec.Meeting m) {
            String places = m.unlimited() ? "all cases" : m.capacity() + " places";
            if (m.rule() != null) return places + ", " + m.rule().text();
            return m.dates().length > 0 ? places + " per sitting"
                    : places + " " + Text.every(m.every());
        }
        return s.kind().toString();
    }

    private static double[] d0(ScenarioResults r, int stage) {
        return r.details().get(0).waiting()[stage];
    }

    private static double queue(ScenarioResults r, String stage) {
        for (Summary.StageRow row : r.summary().stages()) {
            if (row.stage().equals(stage) && row.statistic() == StageStat.QUEUE_LENGTH_MEAN) return row.estimate().mean();
        }
        return Double.NaN;
    }

    /**
     * The title names the biggest change in any queue, by any scenario (the finding that matters), and where the
     * baseline queues longest.
     */
    static String title(Runs runs, List<String> stages) {
        ScenarioResults base = runs.baseline();
        String longest = stages.get(0);
        for (String s : stages) if (queue(base, s) > queue(base, longest)) longest = s;
        String baseline = String.format(Locale.ROOT, "%.1f waiting at %s on average in the baseline, the longest queue",
                queue(base, longest), runs.stage(longest));
        String changed = null;
        ScenarioResults by = null;
        double most = 0;
        for (ScenarioResults r : runs.ranked().subList(1, runs.ranked().size())) {
            for (String s : stages) {
                double change = Math.abs(queue(r, s) - queue(base, s));
                if (change > most) {
                    most = change;
                    changed = s;
                    by = r;
                }
            }
        }
        // (a change that does not show at the precision the title gives, "from 2.8 to 2.8", is no finding)
        double b = changed == null ? Double.NaN : queue(base, changed);
        double q = changed == null ? Double.NaN : queue(by, changed);
        if (changed == null || most < 0.05 || String.format(Locale.ROOT, "%.1f", b).equals(String.format(Locale.ROOT, "%.1f", q))) {
            return runs.ranked().size() == 1 ? capital(baseline) : "No scenario changes the queues much: " + baseline;
        }
        return String.format(Locale.ROOT, "%s %s the queue at %s from %.1f to %.1f waiting on average; %s",
                Runs.name(by), q < b ? "shortens" : "lengthens", runs.stage(changed), b, q, baseline);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
