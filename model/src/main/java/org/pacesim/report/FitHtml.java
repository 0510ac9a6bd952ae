package org.pacesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.pacesim.experiment.FitCheck;
import org.pacesim.fit.BaselineFit;
import org.pacesim.fit.Disclosure;
import org.pacesim.fit.DurationFit;
import org.pacesim.fit.Estimate;
import org.pacesim.fit.KaplanMeier;
import org.pacesim.fit.Parametric;
import org.pacesim.report.charts.Palette;
import org.pacesim.report.charts.SmallChart;

/**
 * {@code fit.html}: what {@code pace fit} read from the records and how well the fitted model reproduces them, on
 * one self-contained page (inline SVG, no scripts, nothing loaded from elsewhere). One small chart per stage: the
 * Kaplan-Meier estimate with its 95% band, the chosen fit, the runner-up, and the fit to finished stays alone (to
 * show what ignoring censoring would have done); then, per recorded milestone, the share of children who had
 * reached it by each week since arrival, in the records and in the fitted model. With suppression on, curves stop
 * where fewer than 5 children remain at risk, so that no chart shows a single child's time.
 */
public final class FitHtml {
    private static final int SAMPLES = 120;

    private FitHtml() {}

    /** The page. */
    public static String page(BaselineFit fit, List<FitCheck.Comparison> check, String recordsAs, String command) {
        Disclosure d = fit.disclosure();
        StringBuilder b = new StringBuilder();
        String title = "Fitted to " + recordsAs;
        b.append("<p class=lead>").append(Html.escape(String.format(Locale.ROOT, "%s children in the records, %s. Stays "
                + "still open on the as-of date are censored there, not left out.",
                d.count(fit.records().children().size()), fit.window()))).append("</p>\n");
        b.append("<p class=meta>").append(Html.escape(command)).append("</p>\n");

        b.append("<h2>Stage durations</h2>\n<table><tr><th>stage</th><th>chosen</th><th>median, weeks (95% CI)</th>"
                + "<th>n</th><th>events</th><th>censored</th><th>next best</th><th>KM gap</th><th>in fitted.yaml</th></tr>\n");
        for (BaselineFit.StageFit f : fit.stages()) {
            Optional<DurationFit.Candidate> best = f.fit().best();
            b.append("<tr><td>").append(Html.escape(f.item())).append("</td><td>")
                    .append(best.map(c -> family(c)).orElse("-")).append("</td><td>")
                    .append(best.map(c -> FitFiles.weeks(c.median())).orElse("-")).append("</td><td>")
                    .append(d.count(f.fit().n())).append("</td><td>").append(d.count(f.fit().events())).append("</td><td>")
                    .append(d.count(f.fit().censored())).append("</td><td>")
                    .append(f.fit().runnerUp().map(u -> family(u) + String.format(Locale.ROOT, " +%.1f", f.fit().aicGap()))
                            .orElse("-")).append("</td><td>")
                    .append(Double.isNaN(f.kmGap()) ? "-" : String.format(Locale.ROOT, "%.3f", f.kmGap())).append("</td><td>")
                    .append(f.changed() ? "fitted" : Html.escape(f.note())).append("</td></tr>\n");
        }
        b.append("</table>\n<p>Each chart: the share of stays still going by each week (Kaplan-Meier, with its 95% "
                + "band; stays still open at the as-of date count until then), the chosen family and the next best by "
                + "AIC, and, dotted, the same family fitted to the finished stays alone, as if the open ones did not "
                + "exist: what fitting without censoring would have given. KM gap: the largest distance between the "
                + "Kaplan-Meier curve and the chosen fit.</p>\n<div class=grid>\n");
        for (BaselineFit.StageFit f : fit.stages()) b.append("<figure>").append(stageChart(f, d)).append("</figure>\n");
        b.append("</div>\n");

        if (!fit.routes().isEmpty()) {
            b.append("<h2>Route shares</h2>\n<p>Aalen-Johansen estimates at the end of follow-up: children still in the "
                    + "stage count as not yet decided, not as lost.</p>\n<table><tr><th>stage</th><th>children</th>"
                    + "<th>n</th><th>shares (95% CI)</th><th>still in the stage</th><th>in fitted.yaml</th></tr>\n");
            for (BaselineFit.RouteFit r : fit.routes()) {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Estimate> e : r.risks().shares().entrySet()) {
                    parts.add(String.format(Locale.ROOT, "%s %.3f (%.3f to %.3f)", e.getKey(), e.getValue().value(),
                            e.getValue().lower(), e.getValue().upper()));
                }
                b.append("<tr><td>").append(Html.escape(r.stage())).append("</td><td>")
                        .append(Html.escape(r.when() == null ? "all" : r.when())).append("</td><td>")
                        .append(d.count(r.risks().n())).append("</td><td>").append(Html.escape(String.join("; ", parts)))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", r.risks().open().value()))
                        .append("</td><td>").append(r.changed() ? "fitted" : Html.escape(r.note())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2>Arrivals</h2>\n<table><tr><th>source</th><th>arrivals</th><th>years</th><th>a year (95% CI)</th>"
                + "<th>by month</th><th>in fitted.yaml</th></tr>\n");
        for (BaselineFit.ArrivalFit a : fit.arrivals()) {
            Estimate e = a.rate().perYear();
            b.append("<tr><td>").append(Html.escape(a.source())).append("</td><td>").append(d.count(a.rate().arrivals()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f", a.rate().years())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f (%.1f to %.1f)", e.value(), e.lower(), e.upper()))
                    .append("</td><td>").append(Html.escape(a.seasonality().verdict())).append("</td><td>")
                    .append(a.changed() ? "fitted" : Html.escape(a.note())).append("</td></tr>\n");
        }
        b.append("</table>\n");

        if (!fit.readings().unread().isEmpty()) {
            b.append("<h2>Stages these records cannot give</h2>\n<p>Their values stay as the template has them. Recording "
                    + "the milestones around a stage (its entry and its leaving) would let it be fitted.</p>\n<ul>\n");
            fit.readings().unread().forEach((stage, why) -> b.append("<li><b>").append(Html.escape(stage))
                    .append("</b>: ").append(Html.escape(why)).append("</li>\n"));
            b.append("</ul>\n");
        }

        if (!check.isEmpty()) {
            b.append("<h2>The fitted model against the records</h2>\n<p>The share of children who had reached each "
                    + "milestone by each week since arrival: in the records (with 95% band) and in the fitted scenario's "
                    + "simulated children, both censored where follow-up stops. Where the curves part, the stages the "
                    + "records cannot give, or the pathway itself, differ from the authority's.</p>\n");
            b.append("<table><tr><th>milestone</th><th></th><th>median, weeks (95% CI)</th><th>reached by 1 year</th>"
                    + "<th>by 2 years</th></tr>\n");
            for (FitCheck.Comparison c : check) {
                for (KaplanMeier km : List.of(c.observed(), c.simulated())) {
                    boolean obs = km == c.observed();
                    b.append("<tr><td>").append(obs ? Html.escape(c.milestone()) : "").append("</td><td>")
                            .append(obs ? "records" : "fitted model").append("</td><td>")
                            .append(Html.escape(FitFiles.median(km))).append("</td><td>")
                            .append(Html.escape(FitFiles.reached(km, 365.25))).append("</td><td>")
                            .append(Html.escape(FitFiles.reached(km, 730.5))).append("</td></tr>\n");
                }
            }
            b.append("</table>\n<div class=grid>\n");
            for (FitCheck.Comparison c : check) b.append("<figure>").append(checkChart(c, d)).append("</figure>\n");
            b.append("</div>\n");
        }
        b.append("<p class=meta>No child's dates appear on this page. ").append(d.suppress()
                ? "Counts below 5 are shown as &lt;5 and curves stop where fewer than 5 children remain at risk."
                : "Suppression of small counts is off (--no-suppression).").append("</p>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
                + " \u2013 pace-sim fit</title>\n<style>\n" + HtmlReport.CSS
                + ".grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 0 1.2em; }\n"
                + "</style>\n</head>\n<body>\n<header><p class=tool>pace-sim fit</p><h1>" + Html.escape(title)
                + "</h1></header>\n" + b + "</body>\n</html>\n";
    }

    private static String family(DurationFit.Candidate c) {
        return c.family().name().toLowerCase(Locale.ROOT);
    }

    private static String stageChart(BaselineFit.StageFit f, Disclosure d) {
        KaplanMeier km = f.km();
        double[][] steps = steps(km, d);
        double xMax = Math.max(7, steps[0].length == 0 ? km.last() : steps[0][steps[0].length - 1]);
        SmallChart c = new SmallChart(f.item(), "still in the stage", xMax);
        c.band(steps[0], steps[2], steps[3], Palette.SKY_BLUE, "95% band");
        c.steps(steps[0], steps[1], Palette.BLACK, "Kaplan-Meier");
        f.fit().best().ifPresent(b -> curve(c, b.law(), xMax, Palette.BLUE, "", "chosen: " + family(b)));
        f.fit().runnerUp().ifPresent(u -> curve(c, u.law(), xMax, Palette.ORANGE, "6 4", "next: " + family(u)));
        f.fit().best().flatMap(b -> f.finishedOnly().of(b.family())).ifPresent(n -> curve(c, n.law(), xMax, Palette.PURPLE, "2 3",
                "finished stays only (biased)"));
        return c.svg();
    }

    private static void curve(SmallChart c, Parametric law, double xMax, java.awt.Color colour, String dash,
                              String label) {
        double[] x = new double[SAMPLES + 1];
        double[] y = new double[SAMPLES + 1];
        for (int i = 0; i <= SAMPLES; i++) {
            x[i] = xMax * i / SAMPLES;
            y[i] = x[i] == 0 ? 1 : law.survival(x[i]);
        }
        c.curve(x, y, colour, dash, label);
    }

    private static String checkChart(FitCheck.Comparison cmp, Disclosure d) {
        double[][] obs = steps(cmp.observed(), d);
        double[][] sim = steps(cmp.simulated(), new Disclosure(false)); // simulated children are no one's
        double xMax = Math.max(7, obs[0].length == 0 ? cmp.observed().last() : obs[0][obs[0].length - 1]);
        SmallChart c = new SmallChart("arrival to " + cmp.milestone(), "reached", xMax);
        c.band(obs[0], flip(obs[3]), flip(obs[2]), Palette.SKY_BLUE, "records, 95% band");
        c.steps(obs[0], flip(obs[1]), Palette.BLACK, "records");
        c.steps(sim[0], flip(sim[1]), Palette.VERMILLION, "fitted model");
        return c.svg();
    }

    /** {x, S, lower, upper} from time 0, stopping (with suppression) where fewer than 5 remain at risk. */
    private static double[][] steps(KaplanMeier km, Disclosure d) {
        List<KaplanMeier.Step> kept = new ArrayList<>();
        for (KaplanMeier.Step s : km.steps()) {
            if (d.suppress() && s.atRisk() < Disclosure.MIN) break;
            kept.add(s);
        }
        int n = kept.size() + 1;
        double[][] out = new double[4][n];
        out[0][0] = 0;
        out[1][0] = 1;
        out[2][0] = 1;
        out[3][0] = 1;
        for (int i = 1; i < n; i++) {
            KaplanMeier.Step s = kept.get(i - 1);
            out[0][i] = s.time();
            out[1][i] = s.survival();
            out[2][i] = s.lower();
            out[3][i] = s.upper();
        }
        return out;
    }

    private static double[] flip(double[] s) {
        double[] f = new double[s.length];
        for (int i = 0; i < s.length; i++) f[i] = 1 - s[i];
        return f;
    }
}
