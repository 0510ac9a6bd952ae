package org.pacesim.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;

/**
 * Chart 2, distributions: for the time to permanence and each PACE aim, a box plot per scenario (box: quartiles;
 * line: median; whiskers: 10th to 90th percentile), the percentiles being the means over replications of each
 * replication's own. Side by side, one panel per measure, scenarios in the same rows throughout.
 */
final class DistributionChart {
    private static final int LABELS = 330;

    private DistributionChart() {}

    static Figure draw(Runs runs) {
        List<String> measures = new ArrayList<>();
        if (runs.baseline().layout().measures().contains(MeasureSpec.TIME_TO_PERMANENCE)) {
            measures.add(MeasureSpec.TIME_TO_PERMANENCE);
        }
        measures.addAll(runs.aims(4));
        List<ScenarioResults> ranked = runs.ranked();
        // a measure no child completed in any scenario (no cohort, say) has no box to draw
        measures.removeIf(m -> ranked.stream().allMatch(r -> Double.isNaN(Runs.mean(r, m, MeasureStat.P90))));
        if (measures.isEmpty()) {
            throw new NotDrawn("no child of the cohort reached permanence or the end of a PACE aim's interval");
        }
        List<String> labels = ranked.stream().map(Runs::name).toList();
        Figure f = new Figure("distribution", title(runs), runs.subtitle());
        double labelShare = (double) LABELS / Figure.BODY_WIDTH;
        double share = (1 - labelShare) / measures.size();
        for (int m = 0; m < measures.size(); m++) {
            String measure = measures.get(m);
            Plot plot = new Plot("weeks", "");
            double target = runs.target(measure) / 7;
            plot.heading(runs.measure(measure), Double.isNaN(target) ? "all children who reach it"
                    : String.format(Locale.ROOT, "target %.0f weeks", target));
            plot.rows(m == 0 ? labels : blank(labels.size()), m == 0 ? LABELS : 0, Set.of(0));
            double max = 0;
            for (ScenarioResults r : ranked) {
                double p90 = Runs.mean(r, measure, MeasureStat.P90) / 7;
                if (!Double.isNaN(p90)) max = Math.max(max, p90);
            }
            if (!Double.isNaN(target)) max = Math.max(max, target);
            plot.styler().setXAxisMin(0.0);
            plot.styler().setXAxisMax(Math.ceil(max * 1.08 / 10) * 10);
            for (int i = 0; i < ranked.size(); i++) box(plot, ranked.get(i), measure, plot.row(i), i == 0);
            if (!Double.isNaN(target)) {
                plot.segment("target", target, -0.5, target, ranked.size() - 0.5, Palette.VERMILLION, 2.5f);
            }
            double x = m == 0 ? 0 : labelShare + share * m;
            f.panel(plot, x, 0, m == 0 ? labelShare + share : share, 1);
        }
        return f.note("Box: middle half of children (25th to 75th percentile); thick line: median; whiskers: 10th to 90th"
                        + " percentile; each the mean over replications. Orange-red line: the aim's target. Children who have not"
                        + " reached the end of an interval are not in its box.")
                .caption("How long children wait, scenario by scenario: for the time to permanence and each PACE aim, the"
                        + " box spans the middle half of children and the whiskers reach from the 10th to the 90th"
                        + " percentile, so a reader sees the typical wait and the long tail. The orange-red line is the aim's"
                        + " target; the share of children within it is in the next chart.");
    }

    private static List<String> blank(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add("");
        return out;
    }

    private static void box(Plot plot, ScenarioResults r, String measure, double y, boolean baseline) {
        double p10 = Runs.mean(r, measure, MeasureStat.P10) / 7;
        double p25 = Runs.mean(r, measure, MeasureStat.P25) / 7;
        double med = Runs.mean(r, measure, MeasureStat.MEDIAN) / 7;
        double p75 = Runs.mean(r, measure, MeasureStat.P75) / 7;
        double p90 = Runs.mean(r, measure, MeasureStat.P90) / 7;
        if (Double.isNaN(med)) return;
        Color edge = baseline ? Palette.BLACK : Palette.BLUE;
        Color fill = Palette.tint(edge, baseline ? 0.72 : 0.62);
        double h = 0.30;
        plot.segment("whiskers", p10, y, p25, y, edge, 2f);
        plot.segment("whiskers", p75, y, p90, y, edge, 2f);
        plot.segment("whiskers", p10, y - h / 2, p10, y + h / 2, edge, 2f);
        plot.segment("whiskers", p90, y - h / 2, p90, y + h / 2, edge, 2f);
        plot.rect(baseline ? "baseline quartiles" : "quartiles", p25, p75, y - h, y + h, fill, edge);
        plot.segment("median", med, y - h, med, y + h, edge, 5f);
    }

    private static String title(Runs runs) {
        ScenarioResults base = runs.baseline();
        double bMed = Runs.mean(base, MeasureSpec.TIME_TO_PERMANENCE, MeasureStat.MEDIAN) / 7;
        double bP90 = Runs.mean(base, MeasureSpec.TIME_TO_PERMANENCE, MeasureStat.P90) / 7;
        ScenarioResults main = runs.main();
        if (Double.isNaN(bMed)) return "How long children wait at each stage of the pathway";
        if (main == null) {
            return String.format(Locale.ROOT, "Half the children who reach permanence wait more than %.0f weeks for it;"
                    + " one in ten waits more than %.0f", bMed, bP90);
        }
        double mMed = Runs.mean(main, MeasureSpec.TIME_TO_PERMANENCE, MeasureStat.MEDIAN) / 7;
        double mP90 = Runs.mean(main, MeasureSpec.TIME_TO_PERMANENCE, MeasureStat.P90) / 7;
        return String.format(Locale.ROOT, "%s takes the median time to permanence from %.0f to %.0f weeks, and the"
                + " longest waits (90th percentile) from %.0f to %.0f", Runs.name(main), bMed, mMed, bP90, mP90);
    }
}
