package org.pacesim.report;

import java.util.List;

import org.pacesim.experiment.Caveats;
import org.pacesim.experiment.Uncertainty;
import org.pacesim.experiment.UncertaintySummary;
import org.pacesim.scenario.UncertaintySpec;
import org.pacesim.stats.Comparison;

/**
 * The CSV files of an uncertainty analysis: points.csv (the design), uncertainty.csv (every point's paired
 * differences) and importance.csv (partial rank correlations). Durations in days, as in every CSV.
 */
final class UncertaintyFiles {
    private UncertaintyFiles() {}

    /** points.csv: {@code point,parameter,value}, one row per design point and varied value (a multiplier where the range is one). */
    static String points(Uncertainty.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("point", "parameter", "value"));
        for (int i = 0; i < r.design().points().size(); i++) {
            for (UncertaintySpec.Setting s : r.design().points().get(i)) {
                sb.append(Csv.row(String.valueOf(i + 1), Csv.text(s.varied().name()), Csv.number(s.value())));
            }
        }
        return sb.toString();
    }

    /**
     * uncertainty.csv: each intervention's paired difference from the baseline at each point (point 0: the values
     * as written), with the 95% CI from the point's replications, and why a point is left out of the summaries
     * ({@code flag}: overloaded, heavily censored; empty when its figures stand).
     */
    static String differences(Uncertainty.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("point", "scenario", "measure", "statistic", "baseline_mean",
                "scenario_mean", "difference", "ci_low", "ci_high", "replications", "flag"));
        for (Uncertainty.Point p : allPoints(r)) {
            String flag = Csv.text(flag(p));
            for (int s = 1; s < r.scenarios().size(); s++) {
                for (int o = 0; o < r.outcomes().size(); o++) {
                    Comparison.Difference d = r.difference(p, s, o);
                    sb.append(Csv.row(String.valueOf(p.index()), Csv.text(d.scenario()), d.measure(), d.statistic().key(),
                            Csv.number(d.baselineMean()), Csv.number(d.scenarioMean()),
                            Csv.number(d.difference().mean()), Csv.number(d.difference().low()),
                            Csv.number(d.difference().high()), String.valueOf(d.difference().replications()), flag));
                }
            }
        }
        return sb.toString();
    }

    /** importance.csv: the PRCC of every varied value with each intervention's effect and the baseline's level. */
    static String importance(Uncertainty.Results r, List<UncertaintySummary.Importance> importance) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "measure", "statistic", "parameter", "prcc", "ci_low",
                "ci_high"));
        for (UncertaintySummary.Importance i : importance) {
            Uncertainty.Outcome o = r.outcomes().get(i.outcome());
            sb.append(Csv.row(Csv.text(r.scenarios().get(i.scenario())), o.measure(), o.statistic().key(),
                    Csv.text(r.design().varied().get(i.parameter()).name()), Csv.number(i.prcc().prcc()),
                    Csv.number(i.prcc().low()), Csv.number(i.prcc().high())));
        }
        return sb.toString();
    }

    /** Point 0, then the design's points. */
    static List<Uncertainty.Point> allPoints(Uncertainty.Results r) {
        List<Uncertainty.Point> all = new java.util.ArrayList<>(List.of(r.nominal()));
        all.addAll(r.points());
        return all;
    }

    /** The kinds of caveat of a point, e.g. "overloaded"; empty when its figures stand. */
    static String flag(Uncertainty.Point p) {
        return Caveats.flag(p.caveats());
    }
}
