package org.pacesim.fit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.DistributionSpec;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.scenario.StageSpec;

/**
 * A template scenario fitted to an authority's records: each readable stage's duration (censored and truncated
 * maximum likelihood, four families, chosen by AIC), each readable stage's route shares (competing risks) and each
 * source's arrival rate, as changes on top of the template, each with a {@code why} saying what was fitted from
 * what. Where fewer than {@link DurationFit#MIN_EVENTS} events (or arrivals) support a value, the template's value
 * is kept and a note says so. Nothing here writes files: {@link #scenario()} is the fitted scenario in memory.
 */
public final class BaselineFit {
    private final Path template;
    private final Records records;
    private final Readings readings;
    private final List<StageFit> stages = new ArrayList<>();
    private final List<RouteFit> routes;
    private final List<ArrivalFit> arrivals;
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();
    private final Disclosure disclosure;

    /**
     * One readable stage's (or interval's) durations fitted.
     *
     * @param reading      how the stage is read from the records
     * @param stays        each child's stay
     * @param fit          the censored, truncated fits, best first
     * @param finishedOnly the naive fit to finished stays only (biased when many are open; shown for contrast)
     * @param km           the Kaplan-Meier estimate
     * @param changed      whether the fit replaces the template's duration
     * @param note         why it does not, or what it spans; empty when it does
     */
    public record StageFit(Readings.Reading reading, List<Stays.Stay> stays, DurationFit fit, DurationFit finishedOnly,
                           KaplanMeier km, boolean changed, String note) {
        /** The stage, or for an interval the stages it spans. */
        public String item() {
            return reading.interval() ? String.join("+", reading.spans()) : reading.stage();
        }

        /** The largest gap between Kaplan-Meier and the chosen fit, or NaN without a fit. */
        public double kmGap() {
            return fit.best().map(b -> km.maxGap(b.law())).orElse(Double.NaN);
        }
    }

    /**
     * Route shares out of one stage, for one group of routes.
     *
     * @param stage   the stage
     * @param when    the group's condition as written, or null for the group without one
     * @param risks   the Aalen-Johansen estimate, one cause per route label
     * @param changed whether the shares replace the template's probabilities
     * @param note    why they do not; empty when they do
     */
    public record RouteFit(String stage, String when, CompetingRisks<String> risks, boolean changed, String note) {}

    /**
     * One arrival source's rate.
     *
     * @param source      the source, or {@code all} when the records do not say
     * @param rate        arrivals per year with its interval
     * @param seasonality the test for a month effect
     * @param changed     whether the rate replaces the template's
     * @param note        why it does not; empty when it does
     */
    public record ArrivalFit(String source, ArrivalRate rate, ArrivalRate.Seasonality seasonality, boolean changed,
                             String note) {}

    private BaselineFit(Path template, Pathway pathway, Records records, Disclosure disclosure) {
        this.template = template;
        this.disclosure = disclosure;
        this.records = records;
        this.readings = new Readings(pathway, records.milestones());
        Scenario s = pathway.scenario();
        for (Readings.Reading r : readings.readings().values()) {
            if (!r.sources().isEmpty() && !records.hasSource() && r.sources().size() < s.arrivals().size()) continue;
            stages.add(stage(s, r));
        }
        this.routes = RouteShares.of(s, stages, changes, kept, disclosure);
        this.arrivals = ArrivalRates.of(s, records, changes, kept, disclosure);
    }

    /**
     * Fits a template to records.
     *
     * @param template the template's file (the fitted scenario extends it)
     * @param pathway  the template's pathway (its scenario loaded from {@code template})
     * @param records  the records, read against the same template
     * @param disclosure how counts are shown in the changes' {@code why}
     */
    public static BaselineFit of(Path template, Pathway pathway, Records records, Disclosure disclosure) {
        return new BaselineFit(template, pathway, records, disclosure);
    }

    private StageFit stage(Scenario s, Readings.Reading r) {
        List<Stays.Stay> stays = Stays.of(r, records);
        List<Spell> spells = Stays.spells(stays);
        DurationFit fit = DurationFit.of(spells);
        DurationFit naive = DurationFit.finishedOnly(spells);
        KaplanMeier km = KaplanMeier.of(spells);
        StageSpec spec = s.stages().get(r.stage());
        String note = "";
        if (r.interval()) {
            note = "the interval from " + r.entry().milestone() + " spans " + String.join(", ", r.spans())
                    + "; a stage is fitted only where the others between have no free duration";
        } else if (!(spec instanceof StageSpec.Delay d) || d.duration() == null) {
            note = spec instanceof StageSpec.Delay ? "an until stage: its time follows from a milestone"
                    : "a " + spec.kind() + ": its time includes waiting for " + (spec instanceof StageSpec.Meeting
                    ? "a sitting" : "the resource") + ", so it is reported, not fitted";
        } else if (d.duration() instanceof DistributionSpec.Fixed) {
            note = "a fixed time in the template: reported, not fitted";
        } else if (fit.best().isEmpty()) {
            note = "no family could be fitted";
        } else if (fit.thin()) {
            note = "only " + fit.events() + " events (fewer than " + DurationFit.MIN_EVENTS + "): the template's value is kept";
        }
        boolean changed = note.isEmpty();
        if (changed) {
            DurationFit.Candidate best = fit.best().orElseThrow();
            changes.add(change("set", set("stages." + r.stage() + ".duration", value(best)),
                    why(r, fit, disclosure)));
        } else if (!r.interval() && spec instanceof StageSpec.Delay dd && dd.duration() != null
                && !(dd.duration() instanceof DistributionSpec.Fixed)) {
            kept.add("stages." + r.stage() + ".duration kept from the template: " + note);
        }
        return new StageFit(r, stays, fit, naive, km, changed, note);
    }

    /** The distribution as a scenario writes it, durations in weeks. */
    static Map<String, Object> value(DurationFit.Candidate c) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> names = c.family().parameterNames();
        for (int i = 0; i < names.size(); i++) {
            double v = c.parameters().get(i).value();
            params.put(names.get(i), names.get(i).equals("shape") ? String.format(Locale.ROOT, "%.3f", v) : weeks(v));
        }
        return Map.of(c.family().name().toLowerCase(Locale.ROOT), params);
    }

    /** "lognormal, median 17.2w (15.9 to 18.6), n=212, censored=61, AIC 1843.2; next best gamma +4.1". */
    static String why(Readings.Reading r, DurationFit fit, Disclosure disclosure) {
        DurationFit.Candidate b = fit.best().orElseThrow();
        StringBuilder s = new StringBuilder(b.family().name().toLowerCase(Locale.ROOT));
        Estimate m = b.median();
        s.append(String.format(Locale.ROOT, ", median %s (%s to %s)", weeks(m.value()), weeks(m.lower()).replace("w", ""),
                weeks(m.upper()).replace("w", "")));
        s.append(", n=").append(disclosure.count(fit.n())).append(", censored=").append(disclosure.count(fit.censored()));
        if (fit.truncated() > 0) s.append(", truncated=").append(disclosure.count(fit.truncated()));
        s.append(String.format(Locale.ROOT, ", AIC %.1f", b.aic()));
        fit.runnerUp().ifPresent(u -> s.append(String.format(Locale.ROOT, "; next best %s +%.1f",
                u.family().name().toLowerCase(Locale.ROOT), fit.aicGap())));
        s.append("; fitted from ").append(r.entry().milestone()).append(" to ").append(leftAt(r));
        return s.toString();
    }

    static String leftAt(Readings.Reading r) {
        List<String> ms = new ArrayList<>();
        if (r.whole() != null) ms.add(r.whole());
        r.leavings().forEach(l -> {
            if (l.milestone() != null && !ms.contains(l.milestone())) ms.add(l.milestone());
        });
        return String.join(" or ", ms);
    }

    static String weeks(double days) {
        if (Double.isInfinite(days)) return "inf";
        return String.format(Locale.ROOT, "%.1fw", days / 7);
    }

    /** The body of a {@code set} change. */
    static Map<String, Object> set(String path, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", path);
        body.put("value", value);
        return body;
    }

    static Map<String, Object> change(String kind, Map<String, Object> body, String why) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put(kind, body);
        c.put("why", why);
        return c;
    }

    /** How counts are shown. */
    public Disclosure disclosure() {
        return disclosure;
    }

    /** The template's file. */
    public Path template() {
        return template;
    }

    /** The records fitted. */
    public Records records() {
        return records;
    }

    /** Which stages can be read from the records, and which cannot and why. */
    public Readings readings() {
        return readings;
    }

    /** The stage and interval fits, in pathway order. */
    public List<StageFit> stages() {
        return stages;
    }

    /** The route shares. */
    public List<RouteFit> routes() {
        return routes;
    }

    /** The arrival rates. */
    public List<ArrivalFit> arrivals() {
        return arrivals;
    }

    /** The changes the fitted scenario makes to the template, each with its {@code why}. */
    public List<Map<String, Object>> changes() {
        return changes;
    }

    /** The template values kept, each with the reason (thin data). */
    public List<String> kept() {
        return kept;
    }

    /** The fitted scenario in memory: the template with {@link #changes()} applied. */
    public Scenario scenario() {
        return ScenarioLoader.load(template, changes);
    }

    /** The window the records cover: from {@code --from} or the first arrival, to the as-of date. */
    public LocalDate windowStart() {
        return records.from() != null ? records.from() : records.origin();
    }

    /**
     * The window as outputs name it: {@code --from} as given, else the month of the first arrival, and the month of
     * the as-of date; by month, since the first arrival and (by default) the latest date are one child's dates.
     */
    public String window() {
        String start = records.from() != null ? records.from().toString() : java.time.YearMonth.from(records.origin())
                .toString();
        return "arrivals from " + start + ", as of " + java.time.YearMonth.from(records.asOf());
    }

    /** The scenario's arrival source by name. */
    static ArrivalSource source(Scenario s, String name) {
        for (ArrivalSource a : s.arrivals()) if (a.name().equals(name)) return a;
        return null;
    }
}
