package org.pacesim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;

/** The CSV files only an experiment has: comparison.csv and replications.csv. */
public final class ExperimentFiles {
    /** How much of replications.csv is built before it is passed on (bytes). */
    private static final int PIECE = 1 << 16;

    private ExperimentFiles() {}

    /**
     * comparison.csv: one row per scenario x measure (or {@code stage:NAME}) x statistic; the difference is
     * scenario minus baseline (days for durations, a share for within_target), with its paired 95% CI.
     */
    public static String comparisonCsv(Experiment.Results r) {
        StringBuilder sb = new StringBuilder(Csv.row("scenario", "baseline", "measure", "statistic", "difference",
                "ci_low", "ci_high", "replications", "baseline_mean", "scenario_mean"));
        for (Comparison.Difference d : r.differences()) {
            sb.append(Csv.row(Csv.text(d.scenario()), Csv.text(d.baseline()), Csv.text(d.measure()), d.statistic().key(),
                    Csv.number(d.difference().mean()), Csv.number(d.difference().low()),
                    Csv.number(d.difference().high()), String.valueOf(d.difference().replications()),
                    Csv.number(d.baselineMean()), Csv.number(d.scenarioMean())));
        }
        return sb.toString();
    }

    /**
     * replications.csv: one row per scenario x replication x measure (or {@code stage:NAME}, as in comparison.csv)
     * x statistic, for researchers' own analysis. A stage figure no replication has (the wait of a stage with
     * nothing to wait for) is left out, as it is from comparison.csv.
     */
    public static void replicationsCsv(List<ScenarioResults> runs, OutputStream out) throws IOException {
        // Hundreds of megabytes for a large run: written a piece at a time, never held whole, and each row's text
        // (scenario, measure, statistic) turned into bytes once per run rather than once per row.
        Rows rows = new Rows(out);
        rows.text(Csv.row("scenario", "replication", "measure", "statistic", "value"));
        for (ScenarioResults run : runs) {
            byte[] name = utf8(Csv.text(run.name()) + ",");
            List<String> measures = run.layout().measures();
            List<String> stages = run.layout().stages();
            byte[][][] measureStat = new byte[measures.size()][MeasureStat.values().length][];
            for (int m = 0; m < measures.size(); m++) {
                for (MeasureStat st : MeasureStat.values()) {
                    if (st == MeasureStat.WITHIN_TARGET && Double.isNaN(run.layout().targets()[m])) continue;
                    measureStat[m][st.ordinal()] = utf8("," + Csv.text(measures.get(m)) + "," + st.key() + ",");
                }
            }
            boolean[][] stageFigures = stageFigures(run.replications(), stages.size());
            byte[][][] stageStat = new byte[stages.size()][Comparison.STAGE_STATISTICS.size()][];
            for (int st = 0; st < stages.size(); st++) {
                for (int k = 0; k < Comparison.STAGE_STATISTICS.size(); k++) {
                    if (stageFigures[st][k]) stageStat[st][k] = utf8("," + Csv.text(Comparison.STAGE + stages.get(st))
                            + "," + Comparison.STAGE_STATISTICS.get(k).key() + ",");
                }
            }
            for (ReplicationResult rep : run.replications()) {
                for (int m = 0; m < measures.size(); m++) {
                    for (MeasureStat st : MeasureStat.values()) {
                        byte[] key = measureStat[m][st.ordinal()];
                        if (key != null) rows.row(name, rep.replication(), key, rep.measures()[m][st.ordinal()]);
                    }
                }
                for (int st = 0; st < stages.size(); st++) {
                    for (int k = 0; k < Comparison.STAGE_STATISTICS.size(); k++) {
                        byte[] key = stageStat[st][k];
                        if (key != null) {
                            rows.row(name, rep.replication(), key,
                                    rep.stages()[st][Comparison.STAGE_STATISTICS.get(k).ordinal()]);
                        }
                    }
                }
            }
        }
        rows.flush();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** replications.csv's bytes, passed on to the stream a piece at a time. */
    private static final class Rows {
        private final OutputStream out;
        private final byte[] buf = new byte[PIECE];
        private final StringBuilder number = new StringBuilder(32);
        private int len;

        Rows(OutputStream out) {
            this.out = out;
        }

        void text(String s) throws IOException {
            put(utf8(s));
        }

        /** One row: the scenario and a comma, the replication, ",measure,statistic," and the value. */
        void row(byte[] name, int replication, byte[] key, double value) throws IOException {
            put(name);
            number.setLength(0);
            ascii(number.append(replication));
            put(key);
            number.setLength(0);
            ascii(Csv.number(number, value).append('\n'));
        }

        private void put(byte[] b) throws IOException {
            if (len + b.length > buf.length) flush();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        /** Characters that are all ASCII (a number's digits, sign, point, Inf; a line's end). */
        private void ascii(CharSequence s) throws IOException {
            if (len + s.length() > buf.length) flush();
            for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        }

        void flush() throws IOException {
            out.write(buf, 0, len);
            len = 0;
        }
    }

    /** [stage][k]: whether any replication has the k-th of {@link Comparison#STAGE_STATISTICS} for the stage. */
    private static boolean[][] stageFigures(List<ReplicationResult> rs, int stages) {
        boolean[][] any = new boolean[stages][Comparison.STAGE_STATISTICS.size()];
        for (ReplicationResult r : rs) {
            for (int st = 0; st < stages; st++) {
                for (int k = 0; k < any[st].length; k++) {
                    any[st][k] |= !Double.isNaN(r.stages()[st][Comparison.STAGE_STATISTICS.get(k).ordinal()]);
                }
            }
        }
        return any;
    }
}
