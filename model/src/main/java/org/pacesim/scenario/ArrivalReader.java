package org.pacesim.scenario;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pacesim.calendar.SittingRule;

/**
 * Reads {@code arrivals:}, the sources of children: a rate (which may vary by month and year) or listed times,
 * attributes a source fixes, and where its children go first.
 */
final class ArrivalReader {
    private static final Pattern TREND = Pattern.compile("^([+-]?[0-9.]+)%(?:/|per)(?:year|y|yr)$");

    private final Problems problems;
    private final Map<String, Attribute> attributes;
    private final RouteReader routeReader;
    private final LocalDate start;
    private final AgeReader ages;

    /** @param start the run's start date, or null (rates by month or year need one) */
    ArrivalReader(Problems problems, Map<String, Attribute> attributes, RouteReader routeReader, LocalDate start,
                  AgeReader ages) {
        this.ages = ages;
        this.problems = problems;
        this.attributes = attributes;
        this.routeReader = routeReader;
        this.start = start;
    }

    /** The arrival sources, in file order. */
    List<ArrivalSource> read(Fields root, double horizon, boolean hasCaseload) {
        List<ArrivalSource> arrivals = new ArrayList<>();
        // A caseload-only scenario (how fast does today's caseload clear?) needs no new entrants.
        if (hasCaseload && (!root.has("arrivals")
                || root.node("arrivals") instanceof YamlNode.Seq s && s.items().isEmpty())) {
            return arrivals;
        }
        if (!root.has("arrivals")) {
            root.missing("arrivals", "add at least one source, e.g. arrivals: [{name: accommodated, rate: 150/year, to: first_lar}]");
            return arrivals;
        }
        if (!(root.node("arrivals") instanceof YamlNode.Seq list) || list.items().isEmpty()) {
            root.bad("arrivals", "expected a list of arrival sources", "e.g. arrivals: [{name: accommodated, rate: 150/year, to: first_lar}]");
            return arrivals;
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            Fields f = new Fields(item, "arrivals[" + i + "]", problems);
            f.allow("name", "rate", "times", "to", "attributes", "description", "by_month", "trend", "age");
            String name = f.text("name", "arrivals" + (i == 0 ? "" : String.valueOf(i + 1)));
            String path = "arrivals." + name;
            if (!names.add(name)) f.bad("name", "two arrival sources are named '" + name + "'", "give each a different name");
            double rate = Double.NaN;
            double[] times = new double[0];
            if (f.has("times")) {
                if (f.has("rate")) f.bad("times", "give either 'rate' or 'times', not both", "keep one of them");
                if (f.node("times") instanceof YamlNode.Seq ts && !ts.items().isEmpty()) {
                    times = new double[ts.items().size()];
                    for (int k = 0; k < times.length; k++) {
                        times[k] = Values.duration(ts.items().get(k), path + ".times[" + k + "]", problems, false);
                    }
                    Arrays.sort(times);
                    long before = Arrays.stream(times).filter(t -> t < horizon).count();
                    rate = before / horizon;
                } else {
                    f.bad("times", "expected a list of arrival times", "e.g. times: [0d, 3d, 2w]");
                }
            } else if (!f.has("rate")) {
                f.missing("rate", "children per unit of time, e.g. rate: 150/year (or times: [...] for listed arrivals)");
            } else if (f.node("rate") instanceof YamlNode.Scalar s && s.text() != null) {
                rate = Durations.parseRate(s.text());
                if (Double.isNaN(rate) || Double.isInfinite(rate)) {
                    f.bad("rate", "'" + s.text() + "' is not a rate", Durations.RATE_HELP);
                } else if (rate <= 0) {
                    f.bad("rate", "the rate must be greater than zero (got " + s.text() + ")",
                            "give a positive rate, or remove the source");
                } else if (rate * Durations.YEAR > 1e6) {
                    // Scotland accommodates about 2,750 children a year; a million is a typo, and would run for hours.
                    f.bad("rate", "over a million children a year is not a plausible rate (got " + s.text() + ")",
                            "check the unit: e.g. 150/year, not 150/day");
                }
            } else {
                f.bad("rate", "expected a rate", Durations.RATE_HELP);
            }
            Map<String, String> fixed = f.has("attributes")
                    ? AttributeLevels.assignments(attributes, f.node("attributes"), path + ".attributes", problems)
                    : Map.of();
            List<Route> routes = List.of();
            if (!f.has("to")) f.missing("to", "the first stage children enter, e.g. to: first_lar");
            else routes = routeReader.read(f.node("to"), path + ".to");
            double[] byMonth = f.has("by_month") ? byMonth(f, path) : null;
            double trend = f.has("trend") ? trend(f, path) : 0;
            if ((byMonth != null || trend != 0) && f.has("times")) {
                f.bad(f.has("by_month") ? "by_month" : "trend", "listed arrival times do not vary by month or year",
                        "give a rate with by_month or trend, or list the times you want");
            }
            DistributionSpec age = null;
            if (f.has("age")) {
                if (attributes.values().stream().noneMatch(Attribute::isAgeBand)) {
                    f.bad("age", "the scenario's children have no age in years", "give the age band its ages first"
                            + " (attributes: {age_band: {categorical: {...}, age: {...}}}), or remove age: here");
                } else {
                    age = ages.one(f.node("age"), path + ".age");
                }
            }
            arrivals.add(new ArrivalSource(name, rate, times, fixed, routes, item.at(), byMonth, trend, age));
        }
        return arrivals;
    }

    private double[] byMonth(Fields f, String path) {
        if (!CalendarReader.needsStart(f, "by_month", start)) return null;
        double[] m = new double[12];
        Arrays.fill(m, 1.0);
        Fields bf = new Fields(f.node("by_month"), path + ".by_month", problems);
        for (YamlNode.Entry e : bf.map().entries()) {
            Month month;
            try {
                month = SittingRule.month(e.key());
            } catch (IllegalArgumentException x) {
                problems.add(e.keyAt(), path + ".by_month." + e.key(), "'" + e.key() + "' is not a month",
                        Names.hint(e.key(), List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                "oct", "nov", "dec"), "month"));
                continue;
            }
            m[month.ordinal()] = Values.number(e.value(), path + ".by_month." + e.key(), problems, 0, 100,
                    "a multiplier of the rate, e.g. 1.2 for a month 20% busier, 0 for none");
        }
        return m;
    }

    private double trend(Fields f, String path) {
        if (!CalendarReader.needsStart(f, "trend", start)) return 0;
        String text = f.text("trend", "0").trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = TREND.matcher(text);
        double trend = Double.NaN;
        if (m.matches()) {
            trend = Double.parseDouble(m.group(1)) / 100;
        } else {
            try {
                trend = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (Double.isNaN(trend) || trend <= -1 || trend > 10) {
            f.bad("trend", "'" + f.text("trend", "") + "' is not a yearly trend",
                    "write the change per year, e.g. trend: +3%/year or trend: -2%/year");
            return 0;
        }
        return trend;
    }
}
