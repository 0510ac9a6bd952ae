package org.pacesim.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.experiment.Calibration;
import org.pacesim.experiment.CalibrationFit;
import org.pacesim.experiment.FitProfile;
import org.pacesim.scenario.ScenarioLoader;

/**
 * What {@code pace calibrate} shows and writes: the table of targets (markdown, readable on a terminal and pasteable
 * into the README) and, for a fit, the fitted values with their profiles, the table before and after (the fitted
 * targets and the held-out ones apart), {@code fitted.yaml} (a scenario extending the baseline with one change per
 * fitted value) and {@code evaluations.csv} (every evaluation, tidy).
 */
public final class CalibrationReport {
    /** The columns of evaluations.csv. */
    public static final String CSV_HEADER = "evaluation,phase,kind,name,value,distance,in_objective,objective";

    private CalibrationReport() {}

    /** The rows as a markdown table. */
    public static String table(List<Calibration.Row> rows) {
        StringBuilder sb = new StringBuilder("| target | what | published | simulated (95% CI) | tolerance | met |\n"
                + "|---|---|---|---|---|---|\n");
        for (Calibration.Row r : rows) {
            sb.append("| ").append(r.id()).append(" | ").append(r.target()).append(" | ").append(r.published())
                    .append(" | ").append(r.simulated()).append(" | ").append(r.tolerance()).append(" | ")
                    .append(met(r.met())).append(" |\n");
        }
        return sb.toString();
    }

    /** The line under a table: how many targets are met. */
    public static String count(List<Calibration.Row> rows, int replications) {
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met())).count();
        long computed = rows.stream().filter(r -> r.met() != null).count();
        return String.format(Locale.ROOT, "%d of %d target%s met (%d replications)%s.", met, computed,
                computed == 1 ? "" : "s", replications,
                computed == rows.size() ? "" : "; " + (rows.size() - computed) + " not computable");
    }

    /** A fit's summary: what was fitted to what, the values with their profiles, and the tables before and after. */
    public static String markdown(CalibrationFit.Results r) {
        StringBuilder sb = new StringBuilder();
        long search = r.evaluations().stream().filter(e -> e.phase() == CalibrationFit.Phase.SEARCH).count();
        long profile = r.evaluations().stream().filter(e -> e.phase() == CalibrationFit.Phase.PROFILE).count();
        sb.append(String.format(Locale.ROOT, "Fitted %d value%s to %s%s: %d search and %d profile evaluations of %d"
                        + " replications each (seed %d), %.0f s.%n", r.free().size(), r.free().size() == 1 ? "" : "s",
                String.join(", ", r.fittedTo()), r.holdOut().isEmpty() ? "" : " (held out: " + String.join(", ",
                        r.holdOut()) + ")", search, profile, r.replications(), r.seed(), r.seconds()));
        sb.append(String.format(Locale.ROOT, "Objective (sum of squared distances from the middle of each tolerance,"
                + " in half-widths): %.2f as written, %.2f fitted.%n%n", r.objectiveBefore(), r.objectiveAfter()));
        sb.append("| value | range | as written | fitted | within one tolerance unit of the fit | moves |\n"
                + "|---|---|---|---|---|---|\n");
        double[] fitted = r.fitted();
        for (int j = 0; j < r.free().size(); j++) {
            CalibrationFit.Free f = r.free().get(j);
            FitProfile.Interval p = r.profiles().get(j);
            sb.append("| ").append(f.varied().name()).append(" | ").append(f.varied().range().text()).append(" | ")
                    .append(number(f.asWritten())).append(" | ").append(fitted(f, fitted[j])).append(" | ")
                    .append(interval(p)).append(" | ").append(String.join(", ", r.movedBy(j))).append(" |\n");
        }
        sb.append("\nFitted targets:\n\n").append(beforeAfter(r, false));
        if (!r.holdOut().isEmpty()) sb.append("\nHeld out (not in the fit):\n\n").append(beforeAfter(r, true));
        List<String> other = r.after().stream().map(Calibration.Row::id)
                .filter(id -> !r.fittedTo().contains(id) && !r.holdOut().contains(id)).toList();
        if (!other.isEmpty()) sb.append("\nNot fitted (").append(String.join(", ", other))
                .append(": a test of change's result, or not computable):\n\n").append(rows(r, other));
        return sb.toString();
    }

    private static String beforeAfter(CalibrationFit.Results r, boolean heldOut) {
        return rows(r, heldOut ? r.holdOut() : r.fittedTo());
    }

    private static String rows(CalibrationFit.Results r, List<String> ids) {
        StringBuilder sb = new StringBuilder("| target | what | published | as written (95% CI) | fitted (95% CI) |"
                + " tolerance | met |\n|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.after().size(); i++) {
            Calibration.Row b = r.before().get(i);
            Calibration.Row a = r.after().get(i);
            if (!ids.contains(a.id())) continue;
            sb.append("| ").append(a.id()).append(" | ").append(a.target()).append(" | ").append(a.published())
                    .append(" | ").append(b.simulated()).append(" | ").append(a.simulated()).append(" | ")
                    .append(a.tolerance()).append(" | ").append(met(b.met())).append(" -> ").append(met(a.met()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    /**
     * evaluations.csv: one row per evaluation and item: each free value ({@code kind} free), each target's figure
     * ({@code kind} figure, with its distance in half-widths of its tolerance and whether it is in the objective).
     */
    public static String csv(CalibrationFit.Results r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (CalibrationFit.Evaluation e : r.evaluations()) {
            String head = e.index() + "," + e.phase().key() + ",";
            String objective = Csv.number(e.objective());
            double[] v = e.values();
            for (int j = 0; j < v.length; j++) {
                sb.append(head).append(Csv.row("free", Csv.text(r.free().get(j).varied().name()), Csv.number(v[j]), "",
                        "", objective));
            }
            for (Calibration.Figure f : e.figures()) {
                sb.append(head).append(Csv.row("figure", Csv.text(f.name()), Csv.number(f.value()),
                        Csv.number(f.distance()), String.valueOf(r.fittedTo().contains(f.target())), objective));
            }
        }
        return sb.toString();
    }

    /**
     * fitted.yaml: a scenario extending the baseline with one change per fitted value, each tagged as calibrated on
     * its line and saying in its {@code why} which targets it was fitted to and how far it could move.
     *
     * @param extend  the baseline's path relative to the folder the file is written to
     * @param command the command as typed
     */
    public static String fittedYaml(CalibrationFit.Results r, String extend, List<String> command) {
        List<Map<String, Object>> changes = ScenarioLoader.changes(r.baseline(), r.settings());
        String to = String.join(", ", r.fittedTo());
        String held = r.holdOut().isEmpty() ? "" : " (held out: " + String.join(", ", r.holdOut()) + ")";
        StringBuilder s = new StringBuilder();
        s.append("# Fitted by: ").append(String.join(" ", command)).append('\n');
        s.append(String.format(Locale.ROOT, "# To %s%s, with %d replications per evaluation and seed %d; objective"
                + " %.2f as written, %.2f fitted.%n", to, held, r.replications(), r.seed(), r.objectiveBefore(),
                r.objectiveAfter()));
        s.append(String.format(Locale.ROOT, "# The table after the fit: pace calibrate fitted.yaml -r %d --seed %d (T12"
                + " aside: its test of change extends the baseline, so add --court-test with a copy that extends this"
                + " file)%n", r.replications(), r.seed()));
        String name = ScenarioLoader.load(r.baseline()).name() + ", calibrated";
        s.append("\nname: ").append(FitFiles.yaml(name)).append('\n');
        s.append("extends: ").append(FitFiles.yaml(extend)).append('\n');
        s.append("changes:\n");
        double[] fitted = r.fitted();
        for (int j = 0; j < changes.size(); j++) {
            CalibrationFit.Free f = r.free().get(j);
            FitProfile.Interval p = r.profiles().get(j);
            Map<String, Object> c = changes.get(j);
            String kind = c.keySet().iterator().next();
            // one line per value, so that the tag is on the value's line and a fit of this file finds it
            s.append("  - ").append(kind).append(": ").append(FitFiles.yaml(c.get(kind)))
                    .append("   # A (calibrated: ").append(to).append(")\n");
            List<String> moved = r.movedBy(j);
            s.append("    why: ").append(FitFiles.yaml(String.format(Locale.ROOT, "%s fitted to %s%s by pace calibrate"
                            + " --fit: %s (as written %s, searched over %s); within one tolerance unit of the fit from"
                            + " %s; it moves %s", f.varied().name(), to, held, fitted(f, fitted[j]),
                    number(f.asWritten()), f.varied().range().text(), interval(p),
                    moved.isEmpty() ? "no target by a quarter of a tolerance unit" : String.join(", ", moved))))
                    .append('\n');
        }
        return s.toString();
    }

    /**
     * Writes a fit's files into the folder and moves it into place.
     *
     * @return where the folder is
     */
    public static Path write(CalibrationFit.Results r, ResultsFolder folder, List<String> command) throws IOException {
        // the staging folder sits beside the target, so the path from one is the path from the other
        Path dir = folder.target().toAbsolutePath().normalize();
        String extend = dir.relativize(r.baseline().toAbsolutePath().normalize()).toString().replace('\\', '/');
        folder.write("fitted.yaml", fittedYaml(r, extend, command));
        folder.write("evaluations.csv", csv(r));
        folder.write("calibration.md", markdown(r));
        return folder.commit();
    }

    /** A fitted value, said to lie at the end of its range when it does (the range may be what stops the fit). */
    private static String fitted(CalibrationFit.Free f, double value) {
        String end = value <= f.low() ? " (bottom of range)" : value >= f.high() ? " (top of range)" : "";
        return number(value) + end;
    }

    /** A profile interval, each end said to be the range's when the range ended first. */
    private static String interval(FitProfile.Interval p) {
        return number(p.low()) + (p.lowAtBound() ? " (range ends)" : "") + " to " + number(p.high())
                + (p.highAtBound() ? " (range ends)" : "");
    }

    private static String met(Boolean met) {
        return met == null ? "-" : met ? "yes" : "**no**";
    }

    /** A value for a table: four significant digits, no trailing zeros. */
    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        String t = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }
}
