package org.pacesim.experiment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a back-test compares, and the one place it is counted, for the records and for every simulated replication
 * alike: from the back-test date to the as-of date, per calendar quarter (the first and last may be part quarters),
 * the number of children reaching each recorded milestone, for the caseload at the date and for the children arriving
 * after it; and for those later arrivals, the share who reached each milestone within 1, 2, ... quarters of arriving,
 * among those who arrived at least that long before the as-of date (so that no child's follow-up is cut short and
 * the share needs no censoring correction).
 *
 * <p>Children are given as their days per recorded milestone, counted from the back-test date (day 0 is the date
 * itself; negative days are before it) and NaN where not reached: a simulated time is taken as the day it falls in.
 */
public final class BacktestWindow {
    /** The caseload at the back-test date. */
    public static final String CASELOAD = "caseload";
    /** The children arriving after it. */
    public static final String ARRIVALS = "arrivals";
    /** Prefix of the time-to-milestone measures. */
    public static final String TIME_TO = "time_to:";
    /** A quarter of a year, in days. */
    public static final double QUARTER = 365.25 / 4;

    private final LocalDate at;
    private final int days;
    private final List<String> milestones;
    private final int[] quarterStart;  // day of each quarter's first day, then the day after the window
    private final List<Item> items = new ArrayList<>();

    /**
     * One figure compared.
     *
     * @param group      {@link #CASELOAD} or {@link #ARRIVALS}
     * @param measure    a milestone's name (children reaching it in the quarter), or {@link #TIME_TO} + milestone
     *                   (the share reaching it within {@code quarter} quarters of arriving)
     * @param quarter    the calendar quarter ({@code 2031Q2}), or for a time-to measure {@code +3q}
     * @param start      the first day in the window of a calendar quarter, or null
     * @param share      whether the figure is a share (time to a milestone) rather than a count
     * @param milestone  the milestone's index in the records' milestones
     * @param index      the quarter's index (calendar quarter from 0, or quarters since arrival from 1)
     */
    public record Item(String group, String measure, String quarter, LocalDate start, boolean share, int milestone,
                       int index) {}

    /**
     * The figures of one set of children.
     *
     * @param value    per item: a count, or a share (NaN when no child was followed that long)
     * @param children per item: the children counted (for a share, those who reached the milestone)
     * @param followed per item: for a share, the children followed that long; for a count, the count
     */
    public record Tally(double[] value, int[] children, int[] followed) {}

    /**
     * @param at         the back-test date (day 0)
     * @param asOf       the last day of the records
     * @param milestones the records' milestones, {@code arrival} first
     */
    public BacktestWindow(LocalDate at, LocalDate asOf, List<String> milestones) {
        this.at = at;
        this.days = (int) (asOf.toEpochDay() - at.toEpochDay()) + 1;
        this.milestones = List.copyOf(milestones);
        List<Integer> starts = new ArrayList<>(List.of(0));
        LocalDate q = LocalDate.of(at.getYear(), (at.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3);
        for (; q.isBefore(asOf.plusDays(1)); q = q.plusMonths(3)) starts.add((int) (q.toEpochDay() - at.toEpochDay()));
        starts.add(days);
        quarterStart = starts.stream().mapToInt(Integer::intValue).toArray();
        for (String group : List.of(CASELOAD, ARRIVALS)) {
            for (int m = 0; m < milestones.size(); m++) {
                if (group.equals(CASELOAD) && m == 0) continue; // the caseload arrived before the date
                for (int k = 0; k + 1 < quarterStart.length; k++) {
                    LocalDate start = at.plusDays(quarterStart[k]);
                    items.add(new Item(group, milestones.get(m), label(start), start, false, m, k));
                }
            }
        }
        int whole = (int) Math.floor(days / QUARTER);
        for (int m = 1; m < milestones.size(); m++) {
            for (int k = 1; k <= whole; k++) {
                items.add(new Item(ARRIVALS, TIME_TO + milestones.get(m), "+" + k + "q", null, true, m, k));
            }
        }
    }

    private static String label(LocalDate d) {
        return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** The back-test date. */
    public LocalDate at() {
        return at;
    }

    /** Days in the window: from the back-test date to the as-of date, both included. */
    public int days() {
        return days;
    }

    /** The records' milestones, {@code arrival} first. */
    public List<String> milestones() {
        return milestones;
    }

    /** The figures compared, caseload counts first, then the arrivals' counts, then their times to milestones. */
    public List<Item> items() {
        return items;
    }

    /**
     * Counts the figures of a set of children.
     *
     * @param caseload the caseload's children (days per milestone from the date)
     * @param arrivals the later arrivals' children
     */
    public Tally tally(List<double[]> caseload, List<double[]> arrivals) {
        int quarters = quarterStart.length - 1;
        int n = milestones.size();
        int[][][] count = new int[2][n][quarters];
        count(caseload, count[0]);
        count(arrivals, count[1]);
        double[] value = new double[items.size()];
        int[] children = new int[items.size()];
        int[] followed = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.share()) {
                int c = count[it.group().equals(CASELOAD) ? 0 : 1][it.milestone()][it.index()];
                value[i] = c;
                children[i] = c;
                followed[i] = c;
                continue;
            }
            int reached = 0;
            int eligible = 0;
            for (double[] d : arrivals) {
                double a = d[0];
                if (a + it.index() * QUARTER > days) continue;
                eligible++;
                if (d[it.milestone()] - a < it.index() * QUARTER) reached++;
            }
            value[i] = eligible == 0 ? Double.NaN : (double) reached / eligible;
            children[i] = reached;
            followed[i] = eligible;
        }
        return new Tally(value, children, followed);
    }

    private void count(List<double[]> children, int[][] into) {
        for (double[] d : children) {
            for (int m = 0; m < d.length; m++) {
                int q = quarterOf(d[m]);
                if (q >= 0) into[m][q]++;
            }
        }
    }

    /** The quarter a day falls in, or -1 outside the window (or NaN). */
    private int quarterOf(double day) {
        if (!(day >= 0 && day < days)) return -1;
        int k = 0;
        while (quarterStart[k + 1] <= day) k++;
        return k;
    }
}
