package org.pacesim.experiment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacesim.engine.Model;
import org.pacesim.fit.BaselineFit;
import org.pacesim.fit.Disclosure;
import org.pacesim.graph.SystemGraph;
import org.pacesim.records.CaseloadAtDate;
import org.pacesim.records.Pathway;
import org.pacesim.records.Records;
import org.pacesim.records.RecordsReader;
import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;
import org.pacesim.scenario.RunSettings;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.ScenarioLoader;
import org.pacesim.stats.Quantiles;

/**
 * {@code pace backtest}: would the model have predicted what happened since a date? The scenario is taken as it
 * would have been made from the records known then (those dated before it), the caseload at the date is rebuilt
 * from the records ({@link CaseloadAtDate}), the run goes from the date to the as-of date with arrivals as in the
 * scenario, and what happened (from the whole records) is set against the simulated 95% bands, figure by figure
 * ({@link BacktestWindow}). The coverage score is the share of observed figures inside their band: near 95% when the
 * model describes the process that made the records, lower when it does not.
 */
public final class Backtest {
    /** Default replications: enough for 2.5th and 97.5th percentiles that move little between seeds. */
    public static final int DEFAULT_REPLICATIONS = 200;
    private static final double LOW = 2.5;
    private static final double HIGH = 97.5;

    private Backtest() {}

    /**
     * How to back-test.
     *
     * @param at           the back-test date: the run starts there
     * @param asOf         the extraction date of the records, or null for the latest date in them
     * @param from         when the records start, or null
     * @param replications replications
     * @param seed         the seed, or null for the scenario's
     * @param threads      worker threads
     */
    public record Options(LocalDate at, LocalDate asOf, LocalDate from, int replications, Long seed, int threads) {}

    /**
     * One figure, observed against simulated.
     *
     * @param item     what is counted
     * @param observed the records' value
     * @param children the children behind the observed value (for a share, those who reached the milestone)
     * @param followed for a share, the children followed long enough; for a count, the count
     * @param low      the simulated 2.5th percentile
     * @param median   the simulated median
     * @param high     the simulated 97.5th percentile
     * @param scored   whether the figure counts in the coverage score: not when nothing was observed and nothing
     *                 (or almost nothing) was expected, a figure that any model matches
     */
    public record Compared(BacktestWindow.Item item, double observed, int children, int followed, double low,
                           double median, double high, boolean scored) {
        /** Whether the observed value lies inside the simulated band (ends included). */
        public boolean inside() {
            return observed >= low && observed <= high;
        }
    }

    /**
     * What a back-test found.
     *
     * @param scenario     the scenario run (from the date, with the caseload rebuilt)
     * @param source       what the scenario's values were taken from, in words
     * @param records      the whole records
     * @param asOfGiven    whether the as-of date was given (else it is the latest date in the records, a child's)
     * @param window       what was compared
     * @param caseload     the caseload rebuilt at the date
     * @param figures      every figure, in the window's order
     * @param replications replications run
     * @param seconds      wall time
     */
    public record Result(Scenario scenario, String source, Records records, boolean asOfGiven, BacktestWindow window,
                         CaseloadAtDate.Rebuilt caseload, List<Compared> figures, int replications, double seconds) {
        /** Share of the scored figures inside their band, and how many were scored: {share, n}. */
        public double[] coverage() {
            return coverage(figures);
        }

        /** The coverage per measure ("group measure"), in the window's order. */
        public Map<String, double[]> coverageByMeasure() {
            Map<String, List<Compared>> by = new LinkedHashMap<>();
            for (Compared c : figures) by.computeIfAbsent(c.item().group() + " " + c.item().measure(), k -> new ArrayList<>()).add(c);
            Map<String, double[]> out = new LinkedHashMap<>();
            by.forEach((k, v) -> out.put(k, coverage(v)));
            return out;
        }

        private static double[] coverage(List<Compared> cs) {
            int n = 0;
            int in = 0;
            for (Compared c : cs) {
                if (!c.scored()) continue;
                n++;
                if (c.inside()) in++;
            }
            return new double[] {n == 0 ? Double.NaN : (double) in / n, n};
        }
    }

    /**
     * Runs a back-test.
     *
     * @param template the template scenario's file
     * @param file     the records file
     * @param shownAs  the records file as messages name it
     * @param o        how
     * @throws InvalidInputException for bad records or a date that cannot be back-tested from
     */
    public static Result run(Path template, Path file, String shownAs, Options o) {
        long t0 = System.nanoTime();
        Scenario scenario = ScenarioLoader.load(template);
        Pathway pathway = new Pathway(SystemGraph.of(scenario));
        Records records = new RecordsReader(pathway).read(file, shownAs, o.asOf(), o.from());
        checkDate(records, o.at(), shownAs);
        Records known = records.knownAt(o.at());
        Fitted fitted = fitted(template, pathway, known);
        CaseloadAtDate.Rebuilt rebuilt = CaseloadAtDate.of(pathway, records, o.at());
        if (rebuilt.open() == 0) {
            throw new InvalidInputException(Location.of("command line"), "--at", "no child of the records was still on "
                    + "its way at " + o.at() + " (" + rebuilt.arrivedBefore() + " had arrived, all had left)",
                    "choose a date when children were in the system, so that there is a caseload to follow");
        }
        BacktestWindow window = new BacktestWindow(o.at(), records.asOf(), records.milestones());
        RunSettings r = fitted.scenario().run();
        Scenario run = fitted.scenario().withCaseload(rebuilt.caseload()).withRun(new RunSettings(window.days(), 0, 0,
                o.replications(), o.seed() != null ? o.seed() : r.seed(), r.queueLimit(), o.at()));
        Model model = Model.compile(SystemGraph.of(run));
        List<BacktestWindow.Tally> simulated = BacktestReplications.run(model, window, o.replications(), o.threads());
        BacktestWindow.Tally observed = window.tally(observedCaseload(records, o.at()), observedArrivals(records, o.at()));
        List<Compared> figures = compare(window, observed, simulated);
        return new Result(run, fitted.source(), records, o.asOf() != null, window, rebuilt, figures, o.replications(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The scenario to test and what its values came from.
     *
     * @param scenario the scenario
     * @param source   in words, e.g. "the template's own values"
     */
    record Fitted(Scenario scenario, String source) {}

    /**
     * The scenario as {@code pace fit} builds it from the records known at the date ({@code known}: nothing dated on
     * or after it), so that the back-test tests the fit as well as the model: durations, route shares and arrival
     * rates fitted where the records support them, the template's values kept where they do not.
     */
    static Fitted fitted(Path file, Pathway pathway, Records known) {
        BaselineFit fit = BaselineFit.of(file, pathway, known, new Disclosure(true));
        return new Fitted(fit.scenario(), "fitted as pace fit does to the records known at the date ("
                + fit.changes().size() + " value" + (fit.changes().size() == 1 ? "" : "s") + " fitted, "
                + fit.kept().size() + " kept from the template for want of events)");
    }

    private static void checkDate(Records records, LocalDate at, String file) {
        if (!at.isBefore(records.asOf())) {
            throw new InvalidInputException(Location.of("command line"), "--at", "--at " + at + " is not before the "
                    + "as-of date of " + file + ", so there is nothing after it to compare with",
                    "give a date inside the records, before the date they were extracted");
        }
        boolean any = false;
        for (Records.Child c : records.children()) any |= c.day(0) < records.days(at);
        if (!any) {
            throw new InvalidInputException(Location.of("command line"), "--at", "--at " + at + " is on or before the "
                    + "first arrival in " + file + ", so there is no caseload and no history to fit",
                    "give a date inside the records, after the first arrivals");
        }
    }

    /** The caseload group in the records: the children who arrived before the date, days counted from it. */
    private static List<double[]> observedCaseload(Records records, LocalDate at) {
        double cut = records.days(at);
        List<double[]> out = new ArrayList<>();
        for (Records.Child c : records.children()) if (c.day(0) < cut) out.add(shift(c, cut));
        return out;
    }

    /** The later arrivals in the records. */
    private static List<double[]> observedArrivals(Records records, LocalDate at) {
        double cut = records.days(at);
        List<double[]> out = new ArrayList<>();
        for (Records.Child c : records.children()) if (c.day(0) >= cut) out.add(shift(c, cut));
        return out;
    }

    private static double[] shift(Records.Child c, double cut) {
        double[] d = c.days().clone();
        for (int m = 0; m < d.length; m++) d[m] -= cut;
        return d;
    }

    private static List<Compared> compare(BacktestWindow window, BacktestWindow.Tally observed,
                                          List<BacktestWindow.Tally> simulated) {
        List<Compared> out = new ArrayList<>();
        double[] values = new double[simulated.size()];
        Quantiles q = new Quantiles();
        for (int i = 0; i < window.items().size(); i++) {
            int n = 0;
            for (BacktestWindow.Tally t : simulated) if (!Double.isNaN(t.value()[i])) values[n++] = t.value()[i];
            double low = Double.NaN;
            double median = Double.NaN;
            double high = Double.NaN;
            if (n > 0) {
                q.of(values, n);
                low = q.at(LOW);
                median = q.at(50);
                high = q.at(HIGH);
            }
            double obs = observed.value()[i];
            boolean scored = !Double.isNaN(obs) && !Double.isNaN(high) && !(obs == 0 && high == 0);
            out.add(new Compared(window.items().get(i), obs, observed.children()[i], observed.followed()[i], low,
                    median, high, scored));
        }
        return out;
    }
}
