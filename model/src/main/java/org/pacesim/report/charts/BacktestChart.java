package org.pacesim.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.experiment.Backtest;
import org.pacesim.experiment.BacktestWindow;
import org.pacesim.fit.Disclosure;

/**
 * The back-test chart: for the main measures (the arrivals, and the milestones most often reached by the caseload
 * and by the later arrivals), each calendar quarter's observed count as a point over the band holding the middle 95%
 * of the replications, with their median. A point outside its band is drawn in another colour. Counts withheld for
 * disclosure control ({@code <5}) are not drawn.
 */
final class BacktestChart {
    private static final int PANELS = 4;
    private static final Color INSIDE = Palette.BLACK;
    private static final Color OUTSIDE = Palette.VERMILLION;

    private BacktestChart() {}

    static Figure draw(Backtest.Result r, Disclosure d) {
        Map<String, List<Backtest.Compared>> byMeasure = new LinkedHashMap<>();
        for (Backtest.Compared c : r.figures()) {
            if (c.item().share()) continue;
            byMeasure.computeIfAbsent(c.item().group() + " " + c.item().measure(), k -> new ArrayList<>()).add(c);
        }
        List<String> chosen = choose(byMeasure, r.window().milestones().get(0));
        double[] cov = r.coverage();
        Figure f = new Figure("backtest", String.format(Locale.ROOT, "%.0f%% of the observed quarterly figures lie"
                + " inside the simulated 95%% band", 100 * cov[0]), "Back-test of " + r.scenario().name() + " from "
                + r.window().at() + ": " + r.replications() + " replications; " + (int) cov[1] + " figures scored");
        for (int i = 0; i < chosen.size(); i++) {
            double x = (i % 2) * 0.5;
            double y = (i / 2) * 0.5;
            f.panel(panel(chosen.get(i), byMeasure.get(chosen.get(i)), d), x, y, 0.5, chosen.size() > 2 ? 0.5 : 1);
        }
        Legend legend = new Legend("");
        legend.box("simulated: middle 95% of replications", Palette.alpha(Palette.BLUE, 60));
        legend.line("simulated median", new Palette.Line(Palette.BLUE, new java.awt.BasicStroke(2.5f)));
        legend.marker("observed, inside the band", Markers.Shape.CIRCLE, INSIDE);
        legend.marker("observed, outside it", Markers.Shape.CIRCLE, OUTSIDE);
        f.legendOnTop(legend);
        f.note("Counts of children reaching each milestone per calendar quarter (the first and last may be part"
                + " quarters)" + (d.suppress() ? "; counts of 1 to 4 are withheld and not drawn." : "."));
        return f.caption("Each point is what the records show for one quarter after the back-test date; the shaded band"
                + " is where the middle 95% of simulated quarters fell, starting from the caseload rebuilt at the date."
                + " If the model describes the process that made the records, about 95 points in 100 lie inside"
                + " their bands; many points outside on one side show a model too fast, too slow or with too many or"
                + " too few arrivals.");
    }

    /** The arrivals' own count, then the measures with the most observed, one group after the other. */
    private static List<String> choose(Map<String, List<Backtest.Compared>> byMeasure, String arrival) {
        List<String> out = new ArrayList<>();
        String arrivals = BacktestWindow.ARRIVALS + " " + arrival;
        if (byMeasure.containsKey(arrivals)) out.add(arrivals);
        Comparator<String> most = Comparator.comparingDouble(k -> -total(byMeasure.get(k)));
        List<String> caseload = byMeasure.keySet().stream().filter(k -> k.startsWith(BacktestWindow.CASELOAD + " "))
                .sorted(most).toList();
        List<String> later = byMeasure.keySet().stream().filter(k -> k.startsWith(BacktestWindow.ARRIVALS + " ")
                && !k.equals(arrivals)).sorted(most).toList();
        for (int k = 0; out.size() < PANELS && k < Math.max(caseload.size(), later.size()); k++) {
            if (k < caseload.size()) out.add(caseload.get(k));
            if (k < later.size() && out.size() < PANELS) out.add(later.get(k));
        }
        return out;
    }

    private static double total(List<Backtest.Compared> cs) {
        double t = 0;
        for (Backtest.Compared c : cs) t += Double.isNaN(c.observed()) ? 0 : c.observed();
        return t;
    }

    private static Plot panel(String key, List<Backtest.Compared> cs, Disclosure d) {
        int n = cs.size();
        double[] x = new double[n];
        double[] low = new double[n];
        double[] median = new double[n];
        double[] high = new double[n];
        double top = 1;
        List<double[]> in = new ArrayList<>();
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Backtest.Compared c = cs.get(k);
            x[k] = k;
            low[k] = c.low();
            median[k] = c.median();
            high[k] = c.high();
            top = Math.max(top, c.high());
            boolean withheld = !d.count(c.children()).equals(Long.toString(c.children()));
            if (withheld || Double.isNaN(c.observed())) continue;
            top = Math.max(top, c.observed());
            (c.inside() ? in : out).add(new double[] {k, c.observed()});
        }
        String[] gm = key.split(" ", 2);
        // numbered ticks: XChart's tick-label callback cannot be relied on to place a label at every quarter
        Plot p = new Plot("Quarter: 0 is " + cs.get(0).item().quarter() + ", " + (n - 1) + " is "
                + cs.get(n - 1).item().quarter(), "Children per quarter");
        p.range(-0.5, n - 0.5, 0, Math.ceil(top * 1.15));
        p.heading((gm[0].equals(BacktestWindow.CASELOAD) ? "Caseload at the date: " : "Later arrivals: ")
                + Text.words(gm[1]));
        p.band("simulated band", x, low, high, Palette.alpha(Palette.BLUE, 60));
        p.line("simulated median", x, median, new Palette.Line(Palette.BLUE, new java.awt.BasicStroke(2.5f)));
        if (!in.isEmpty()) p.points("observed inside", xs(in, 0), xs(in, 1), INSIDE, 14);
        if (!out.isEmpty()) p.points("observed outside", xs(out, 0), xs(out, 1), OUTSIDE, 14);
        return p;
    }

    private static double[] xs(List<double[]> pts, int k) {
        double[] v = new double[pts.size()];
        for (int i = 0; i < v.length; i++) v[i] = pts.get(i)[k];
        return v;
    }
}
