package org.pacesim.report;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

import org.pacesim.experiment.Detail;
import org.pacesim.experiment.MergedReplications;
import org.pacesim.experiment.ScenarioRun;
import org.pacesim.experiment.ShardRun;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.stats.Journey;
import org.pacesim.stats.MonthlyPoints;
import org.pacesim.stats.ReplicationDetail;
import org.pacesim.stats.ReplicationResult;

/**
 * The replications file of a shard folder: every replication a shard ran, complete, in a binary form read back
 * exactly. A double is stored as its 64 bits ({@link Double#doubleToRawLongBits}), so NaN and -0.0 come back as
 * they were and a merge computes from the very numbers one process computes from; parsing decimals was most of a
 * merge's time. Big-endian, as {@link java.io.DataOutputStream} writes:
 * <pre>
 * file      = "PACE" int(format) int(requests) request* long(crc32 of all before it)
 * request   = string(scenario) int(first) int(n) string(detail) runaway? int(completed) completed*
 * runaway?  = bool(present) [string(message) int(replication)]
 * completed = result bool(has detail) [detail]
 * string    = int(bytes, -1 for null) UTF-8 bytes
 * array     = int(length, -1 for null) elements
 * </pre>
 * The fields of a result and of a detail follow in the order of their records' components. The checksum at the
 * end tells a damaged file from a short one; a length past {@link #MAX_LENGTH} is taken as damage before anything
 * that large is allocated.
 */
final class ShardReplications {
    private static final int MAGIC = 0x50414345; // "PACE"
    /** No array or string of a replication comes near this; a larger length is a damaged file. */
    static final int MAX_LENGTH = 1 << 24;

    private ShardReplications() {}

    /** Thrown for a file that is not whole: its message says what was found where. */
    static final class Damaged extends IOException {
        Damaged(String what) {
            super(what);
        }
    }

    /** Writes the requests to {@code out}, which is flushed, not closed. */
    static void write(List<MergedReplications.Stored> requests, int format, OutputStream out) throws IOException {
        Writer w = new Writer(new ChecksummedData.Output(out));
        w.out.writeInt(MAGIC);
        w.out.writeInt(format);
        w.out.writeInt(requests.size());
        for (MergedReplications.Stored s : requests) w.request(s);
        w.out.finish();
    }

    /** Reads what {@link #write} wrote, in format {@code format}; a file that is not whole throws {@link Damaged}. */
    static List<MergedReplications.Stored> read(InputStream in, int format) throws IOException {
        Reader r = new Reader(new ChecksummedData.Input(in));
        try {
            if (r.in.readInt() != MAGIC) throw new Damaged("not a replications file of pace-sim");
            int f = r.in.readInt();
            if (f != format) throw new Damaged("format " + f + ", not " + format);
            int n = r.length();
            List<MergedReplications.Stored> requests = new ArrayList<>(n);
            for (int k = 0; k < n; k++) requests.add(r.request());
            long sum = r.in.checksum();
            if (r.in.readLong() != sum) throw new Damaged("its checksum does not match: damaged");
            if (!r.in.atEnd()) throw new Damaged("more bytes after its end");
            return requests;
        } catch (EOFException e) {
            throw new Damaged("it ends early: truncated");
        } catch (IllegalArgumentException | ZipException e) {
            // a name that is no statistic's, or compressed bytes that do not decompress
            throw new Damaged("damaged (" + e.getMessage() + ")");
        }
    }

    private record Writer(ChecksummedData.Output out) {
        void request(MergedReplications.Stored s) throws IOException {
            out.writeString(s.scenario());
            out.writeInt(s.first());
            out.writeInt(s.n());
            out.writeString(s.detail().name());
            out.writeBoolean(s.runaway() != null);
            if (s.runaway() != null) {
                out.writeString(s.runaway().message());
                out.writeInt(s.runaway().replication());
            }
            out.writeInt(s.completed().size());
            for (ScenarioRun.Completed c : s.completed()) {
                result(c.result());
                out.writeBoolean(c.detail() != null);
                if (c.detail() != null) detail(c.detail());
            }
        }

        void result(ReplicationResult r) throws IOException {
            out.writeInt(r.replication());
            doubles2(r.measures());
            doubles2(r.stages());
            doubles(r.outcomes());
            out.writeLong(r.arrivals());
            out.writeLong(r.cohort());
            out.writeLong(r.cohortExited());
            out.writeLong(r.censored());
            out.writeLong(r.events());
            out.writeDouble(r.endTime());
            out.writeString(r.runaway());
            doubles(r.caseloadOutcomes());
        }

        void detail(ReplicationDetail d) throws IOException {
            out.writeInt(d.replication());
            doubles(d.permanenceIncidence());
            doubles2(d.waiting());
            doubles(d.stageWait());
            doubles(d.stageWork());
            out.writeLong(d.permanenceChildren());
            doubles(d.passing());
            out.writeInt(d.journeys() == null ? -1 : d.journeys().size());
            if (d.journeys() != null) for (Journey j : d.journeys()) journey(j);
            out.writeBoolean(d.months() != null);
            if (d.months() != null) months(d.months());
        }

        void journey(Journey j) throws IOException {
            out.writeLong(j.child());
            out.writeDouble(j.arrival());
            out.writeString(j.exit());
            out.writeBoolean(j.permanence());
            out.writeInt(j.segments().size());
            for (Journey.Segment s : j.segments()) {
                out.writeString(s.stage());
                out.writeDouble(s.enter());
                out.writeDouble(s.start());
                out.writeDouble(s.leave());
            }
            out.writeInt(j.milestones().size());
            for (Map.Entry<String, Double> m : j.milestones().entrySet()) {
                out.writeString(m.getKey());
                out.writeDouble(m.getValue());
            }
        }

        void months(MonthlyPoints m) throws IOException {
            out.writeInt(m.firstMonth());
            doubles(m.monthStart());
            out.writeInt(m.series().size());
            for (MonthlyPoints.Series s : m.series()) {
                out.writeString(s.measure());
                out.writeString(s.statistic().name());
            }
            doubles2(m.value());
            out.writeInt(m.children() == null ? -1 : m.children().length);
            if (m.children() != null) {
                for (int[] row : m.children()) {
                    out.writeInt(row == null ? -1 : row.length);
                    if (row != null) out.writeInts(row);
                }
            }
        }

        void doubles(double[] a) throws IOException {
            out.writeInt(a == null ? -1 : a.length);
            if (a != null) out.writeDoubles(a);
        }

        void doubles2(double[][] a) throws IOException {
            out.writeInt(a == null ? -1 : a.length);
            if (a != null) for (double[] row : a) doubles(row);
        }
    }

    private record Reader(ChecksummedData.Input in) {
        MergedReplications.Stored request() throws IOException {
            String scenario = string();
            int first = in.readInt();
            int n = in.readInt();
            Detail detail = Detail.valueOf(name());
            ShardRun.Runaway runaway = in.readBoolean() ? new ShardRun.Runaway(string(), in.readInt()) : null;
            int size = length();
            List<ScenarioRun.Completed> completed = new ArrayList<>(size);
            for (int k = 0; k < size; k++) {
                ReplicationResult r = result();
                completed.add(new ScenarioRun.Completed(r, in.readBoolean() ? detail() : null));
            }
            return new MergedReplications.Stored(scenario, first, n, detail, completed, runaway);
        }

        ReplicationResult result() throws IOException {
            return new ReplicationResult(in.readInt(), doubles2(), doubles2(), doubles(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong(), in.readDouble(), string(), doubles());
        }

        ReplicationDetail detail() throws IOException {
            int replication = in.readInt();
            double[] incidence = doubles();
            double[][] waiting = doubles2();
            double[] wait = doubles();
            double[] work = doubles();
            long children = in.readLong();
            double[] passing = doubles();
            int n = nullableLength();
            List<Journey> journeys = null;
            if (n >= 0) {
                journeys = new ArrayList<>(n);
                for (int k = 0; k < n; k++) journeys.add(journey());
            }
            MonthlyPoints months = in.readBoolean() ? months() : null;
            return new ReplicationDetail(replication, incidence, waiting, wait, work, children, passing, journeys,
                    months);
        }

        Journey journey() throws IOException {
            long child = in.readLong();
            double arrival = in.readDouble();
            String exit = string();
            boolean permanence = in.readBoolean();
            int n = length();
            List<Journey.Segment> segments = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                segments.add(new Journey.Segment(string(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int m = length();
            Map<String, Double> milestones = new LinkedHashMap<>();
            for (int k = 0; k < m; k++) milestones.put(string(), in.readDouble());
            return new Journey(child, arrival, exit, permanence, segments, milestones);
        }

        MonthlyPoints months() throws IOException {
            int firstMonth = in.readInt();
            double[] starts = doubles();
            int n = length();
            List<MonthlyPoints.Series> series = new ArrayList<>(n);
            for (int k = 0; k < n; k++) series.add(new MonthlyPoints.Series(string(), MeasureStat.valueOf(name())));
            double[][] value = doubles2();
            int rows = nullableLength();
            int[][] children = rows < 0 ? null : new int[rows][];
            for (int k = 0; k < rows; k++) {
                int len = nullableLength();
                if (len < 0) continue;
                children[k] = new int[len];
                in.readInts(children[k]);
            }
            return new MonthlyPoints(firstMonth, starts, series, value, children);
        }

        double[] doubles() throws IOException {
            int n = nullableLength();
            if (n < 0) return null;
            double[] a = new double[n];
            in.readDoubles(a);
            return a;
        }

        double[][] doubles2() throws IOException {
            int n = nullableLength();
            if (n < 0) return null;
            double[][] a = new double[n][];
            for (int k = 0; k < n; k++) a[k] = doubles();
            return a;
        }

        String string() throws IOException {
            int n = nullableLength();
            return n < 0 ? null : in.readString(n);
        }

        /** A string that may not be null: the name of a constant. */
        String name() throws IOException {
            String s = string();
            if (s == null) throw new Damaged("a name missing: damaged");
            return s;
        }

        /** A length that may be -1 (null). */
        int nullableLength() throws IOException {
            int n = in.readInt();
            if (n < -1 || n > MAX_LENGTH) throw new Damaged("a length of " + n + ": damaged");
            return n;
        }

        int length() throws IOException {
            int n = nullableLength();
            if (n < 0) throw new Damaged("a length of " + n + ": damaged");
            return n;
        }
    }
}
