package org.pacesim.fit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.records.Records;
import org.pacesim.scenario.ArrivalSource;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Scenario;

/**
 * Arrival rates per source from the records' arrival dates in the window they cover (from {@code --from}, or the
 * first arrival, to the as-of date), with exact Poisson intervals; by calendar month only when at least three years
 * of arrivals and a likelihood-ratio test support it. Without a {@code source} column and with several sources in
 * the template, the total is fitted and every source is scaled by the same factor.
 */
final class ArrivalRates {
    private ArrivalRates() {}

    static List<BaselineFit.ArrivalFit> of(Scenario s, Records records, List<Map<String, Object>> changes,
                                           List<String> kept, Disclosure disclosure) {
        LocalDate from = records.from() != null ? records.from() : records.origin();
        LocalDate to = records.asOf().plusDays(1); // the as-of day itself is observed
        int arrival = records.milestone("arrival");
        List<BaselineFit.ArrivalFit> out = new ArrayList<>();
        boolean bySource = records.hasSource() || s.arrivals().size() == 1;
        List<String> names = bySource ? s.arrivals().stream().map(ArrivalSource::name).toList() : List.of("all");
        for (String name : names) {
            List<LocalDate> dates = new ArrayList<>();
            for (Records.Child c : records.children()) {
                if (records.hasSource() && s.arrivals().size() > 1 && !name.equals(c.source())) continue;
                LocalDate d = records.origin().plusDays((long) c.day(arrival));
                if (!d.isBefore(from) && d.isBefore(to)) dates.add(d);
            }
            ArrivalRate rate = ArrivalRate.of(dates, from, to);
            ArrivalRate.Seasonality season = ArrivalRate.seasonality(dates, from, to);
            String note = "";
            List<ArrivalSource> targets = bySource ? List.of(BaselineFit.source(s, name)) : s.arrivals();
            if (targets.stream().anyMatch(ArrivalSource::scheduled)) note = "the template lists arrival times";
            else if (rate.arrivals() < DurationFit.MIN_EVENTS) {
                note = "only " + disclosure.count(rate.arrivals()) + " arrivals (fewer than " + DurationFit.MIN_EVENTS + ")";
            }
            if (!note.isEmpty()) {
                kept.add("arrivals." + name + ".rate kept from the template: " + note);
                out.add(new BaselineFit.ArrivalFit(name, rate, season, false, note));
                continue;
            }
            double templateTotal = targets.stream().mapToDouble(ArrivalSource::ratePerDay).sum() * Durations.YEAR;
            for (ArrivalSource a : targets) {
                double perYear = bySource ? rate.perYear().value()
                        : a.ratePerDay() * Durations.YEAR * rate.perYear().value() / templateTotal;
                String why = String.format(Locale.ROOT, "%s arrivals in %.2f years: %.1f a year (%.1f to %.1f), exact "
                        + "Poisson interval%s; month effect: %s", disclosure.count(rate.arrivals()), rate.years(),
                        rate.perYear().value(), rate.perYear().lower(), rate.perYear().upper(),
                        bySource ? "" : String.format(Locale.ROOT, " for all sources together (the records have no "
                                + "source column), this source's template share %.0f%%",
                                100 * a.ratePerDay() * Durations.YEAR / templateTotal), season.verdict());
                changes.add(BaselineFit.change("set", BaselineFit.set("arrivals." + a.name() + ".rate",
                        String.format(Locale.ROOT, "%.2f/year", perYear)), why));
                if (season.seasonal()) {
                    List<Object> months = new ArrayList<>();
                    for (Estimate m : season.monthly()) {
                        months.add(String.format(Locale.ROOT, "%.3f", m.value() / rate.perYear().value()));
                    }
                    changes.add(BaselineFit.change("set", BaselineFit.set("arrivals." + a.name() + ".by_month", months), "monthly arrivals relative to the year's rate, "
                            + season.verdict()));
                }
            }
            out.add(new BaselineFit.ArrivalFit(name, rate, season, true, ""));
        }
        return out;
    }
}
