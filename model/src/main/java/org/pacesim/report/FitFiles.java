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
import org.pacesim.records.Records;

/**
 * The text outputs of {@code pace fit}: {@code fitted.yaml} (a scenario extending the template, one change per
 * fitted value), {@code fit.csv} (every family's parameters, route shares and arrival rates, with intervals) and the
 * terminal summary. None holds a child's dates; counts below 5 are shown as {@code <5} unless suppression is off.
 */
public final class FitFiles {
    /** The columns of fit.csv. */
    public static final String CSV_HEADER = "item,quantity,family,parameter,value,ci_low,ci_high,n,events,censored,aic,km_gap";

    private FitFiles() {}

    /**
     * The fitted scenario file.
     *
     * @param fit      the fit
     * @param extend   the template's path relative to the folder the file is written to
     * @param recordsAs the records file as the user named it
     */
    public static String fittedYaml(BaselineFit fit, String extend, String recordsAs) {
        Records r = fit.records();
        Disclosure d = fit.disclosure();
        StringBuilder s = new StringBuilder();
        s.append("# Fitted by pace fit to ").append(recordsAs).append(": ").append(d.count(r.children().size()))
                .append(" children, ").append(fit.window())
                .append(".\n# Each change replaces one value of the template; its why says what was fitted from what.\n");
        if (!fit.kept().isEmpty()) {
            s.append("#\n# Kept from the template:\n");
            for (String k : fit.kept()) s.append("#   ").append(k).append('\n');
        }
        List<BaselineFit.StageFit> intervals = fit.stages().stream().filter(f -> f.reading().interval()).toList();
        if (!intervals.isEmpty()) {
            s.append("#\n# Intervals read but not turned into a stage's value (several stages with free durations between):\n");
            for (BaselineFit.StageFit f : intervals) s.append("#   ").append(f.item()).append('\n');
        }
        if (!fit.readings().unread().isEmpty()) {
            s.append("#\n# Stages these records cannot give (record the milestones around them to fit them):\n");
            fit.readings().unread().forEach((stage, why) -> s.append("#   ").append(stage).append(": ").append(why)
                    .append('\n'));
        }
        s.append("\nname: ").append(yaml(nameOf(fit) + ", fitted to " + recordsAs)).append('\n');
        s.append("extends: ").append(yaml(extend)).append('\n');
        if (fit.changes().isEmpty()) return s.append("changes: []\n").toString();
        s.append("changes:\n");
        for (Map<String, Object> c : fit.changes()) {
            boolean first = true;
            for (Map.Entry<String, Object> e : c.entrySet()) {
                s.append(first ? "  - " : "    ").append(e.getKey()).append(": ").append(yaml(e.getValue())).append('\n');
                first = false;
            }
        }
        return s.toString();
    }

    private static String nameOf(BaselineFit fit) {
        return org.pacesim.scenario.ScenarioLoader.load(fit.template()).name();
    }

    /** A value as YAML flow text: maps and lists inline, strings plain where safe, else double-quoted. */
    static String yaml(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + yaml(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) parts.add(yaml(x));
            return "[" + String.join(", ", parts) + "]";
        }
        String t = String.valueOf(v);
        if (t.matches("[A-Za-z0-9_.][A-Za-z0-9_./+-]*")) return t;
        return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** fit.csv: durations in days, shares as fractions, rates per year. */
    public static String csv(BaselineFit fit) {
        Disclosure d = fit.disclosure();
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (BaselineFit.StageFit f : fit.stages()) {
            DurationFit df = f.fit();
            String quantity = f.reading().interval() ? "interval" : "duration";
            boolean first = true;
            for (DurationFit.Candidate c : df.candidates()) {
                String q = first ? quantity : quantity + " (not chosen)";
                String family = c.family().name().toLowerCase(Locale.ROOT);
                double gap = first ? f.kmGap() : f.km().maxGap(c.law());
                List<String> names = c.family().parameterNames();
                for (int i = 0; i < names.size(); i++) {
                    s.append(row(f.item(), q, family, names.get(i), c.parameters().get(i), d, df, c.aic(), gap));
                }
                s.append(row(f.item(), q, family, "median", c.median(), d, df, c.aic(), gap));
                first = false;
            }
            if (df.candidates().isEmpty()) {
                s.append(Csv.row(Csv.text(f.item()), quantity, "", "", "", "", "", d.count(df.n()),
                        d.count(df.events()), d.count(df.censored()), "", ""));
            }
        }
        for (BaselineFit.RouteFit r : fit.routes()) {
            for (Map.Entry<String, Estimate> e : r.risks().shares().entrySet()) {
                String param = e.getKey() + (r.when() == null ? "" : " when " + r.when());
                s.append(Csv.row(r.stage(), "route share", "aalen-johansen", Csv.text(param), Csv.number(e.getValue().value()),
                        Csv.number(e.getValue().lower()), Csv.number(e.getValue().upper()), d.count(r.risks().n()), "", "", "",
                        ""));
            }
        }
        for (BaselineFit.ArrivalFit a : fit.arrivals()) {
            Estimate e = a.rate().perYear();
            s.append(Csv.row(a.source(), "arrival rate", "poisson", "per_year", Csv.number(e.value()),
                    Csv.number(e.lower()), Csv.number(e.upper()), "", d.count(a.rate().arrivals()), "", "", ""));
        }
        return s.toString();
    }

    private static String row(String item, String quantity, String family, String parameter, Estimate e,
                              Disclosure d, DurationFit df, double aic, double gap) {
        return Csv.row(Csv.text(item), quantity, family, parameter, Csv.number(e.value()), Csv.number(e.lower()),
                Csv.number(e.upper()), d.count(df.n()), d.count(df.events()), d.count(df.censored()),
                String.format(Locale.ROOT, "%.2f", aic), Double.isNaN(gap) ? "" : String.format(Locale.ROOT, "%.4f", gap));
    }

    /** The terminal summary: what was fitted, what was kept, and simulated against observed times to milestones. */
    public static String terminal(BaselineFit fit, List<FitCheck.Comparison> check) {
        Disclosure d = fit.disclosure();
        StringBuilder s = new StringBuilder();
        Records r = fit.records();
        s.append(String.format(Locale.ROOT, "%s children, %s%n%n", d.count(r.children().size()), fit.window()));
        s.append("Fitted (censored and truncated maximum likelihood; median in weeks with 95% CI):\n");
        for (BaselineFit.StageFit f : fit.stages()) {
            String best = f.fit().best().map(b -> String.format(Locale.ROOT, "%-11s median %s", b.family().name()
                    .toLowerCase(Locale.ROOT), weeks(b.median()))).orElse("not fitted");
            String naive = f.fit().best().flatMap(b -> f.finishedOnly().of(b.family()))
                    .map(n -> String.format(Locale.ROOT, "; finished stays only %.1f", n.median().value() / 7)).orElse("");
            s.append(String.format(Locale.ROOT, "  %-28s %-40s n=%s events=%s censored=%s%s%s%n", f.item(), best,
                    d.count(f.fit().n()), d.count(f.fit().events()), d.count(f.fit().censored()), naive,
                    f.changed() ? "" : "  [" + shortNote(f.note()) + "]"));
        }
        for (BaselineFit.RouteFit rf : fit.routes()) {
            List<String> parts = new ArrayList<>();
            rf.risks().shares().forEach((label, e) -> parts.add(String.format(Locale.ROOT, "%s %.2f (%.2f-%.2f)", label,
                    e.value(), e.lower(), e.upper())));
            s.append(String.format(Locale.ROOT, "  %-28s shares %s%s%n", rf.stage() + (rf.when() == null ? ""
                    : " when " + rf.when()), String.join(", ", parts), rf.changed() ? "" : "  [" + rf.note() + "]"));
        }
        for (BaselineFit.ArrivalFit a : fit.arrivals()) {
            Estimate e = a.rate().perYear();
            s.append(String.format(Locale.ROOT, "  %-28s %.1f a year (%.1f to %.1f), %s arrivals%s%n", "arrivals " + a.source(),
                    e.value(), e.lower(), e.upper(), d.count(a.rate().arrivals()), a.changed() ? "" : "  [" + a.note() + "]"));
        }
        if (!fit.readings().unread().isEmpty()) {
            s.append(String.format("  %d stages cannot be read from these records (see fitted.yaml and fit.html)%n",
                    fit.readings().unread().size()));
        }
        if (!check.isEmpty()) {
            s.append("\nFrom arrival to each milestone: median weeks (95% CI), and the share reached by 1 and 2 years,\n"
                    + "in the records (observed) and in the fitted scenario run (simulated)\n");
            s.append(String.format(Locale.ROOT, "  %-24s %-9s %-22s %-15s %s%n", "milestone", "", "median", "by 1 year",
                    "by 2 years"));
            for (FitCheck.Comparison c : check) {
                s.append(String.format(Locale.ROOT, "  %-24s %-9s %-22s %-15s %s%n", c.milestone(), "observed",
                        median(c.observed()), reached(c.observed(), 365.25), reached(c.observed(), 730.5)));
                s.append(String.format(Locale.ROOT, "  %-24s %-9s %-22s %-15s %s%n", "", "simulated",
                        median(c.simulated()), reached(c.simulated(), 365.25), reached(c.simulated(), 730.5)));
            }
        }
        return s.toString();
    }

    /** A Kaplan-Meier median in weeks with its interval, or "not reached" (fewer than half ever reach it). */
    static String median(KaplanMeier km) {
        Optional<Estimate> m = km.median();
        return m.isPresent() ? weeks(m.get()) : "not reached";
    }

    /** The share that has reached the milestone by {@code days}, with its 95% band, as percentages. */
    static String reached(KaplanMeier km, double days) {
        if (days > km.last()) return "-";
        double[] band = km.band(days);
        return String.format(Locale.ROOT, "%.0f%% (%.0f-%.0f)", 100 * (1 - km.survival(days)), 100 * (1 - band[1]),
                100 * (1 - band[0]));
    }

    static String weeks(Estimate e) {
        return String.format(Locale.ROOT, "%.1f (%.1f-%s)", e.value() / 7, e.lower() / 7,
                Double.isInfinite(e.upper()) ? "inf" : String.format(Locale.ROOT, "%.1f", e.upper() / 7));
    }

    private static String shortNote(String note) {
        int cut = note.indexOf(';');
        return cut > 0 ? note.substring(0, cut) : note;
    }
}
