package org.pacesim.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.pacesim.random.StreamBank;

import umontreal.ssj.probdist.TriangularDist;
import umontreal.ssj.probdist.UniformDist;
import umontreal.ssj.randvar.ErlangConvolutionGen;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.LognormalGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.rng.RandomStream;

/**
 * A minimal hand-written event loop of the benchmark's reference pathway ({@code bench/reference-pathway.yaml}; at
 * scale 10, {@code bench/reference-pathway-10x.yaml}): the yardstick for what a whole {@code pace run} of that model
 * costs. It is kept so that {@code pace bench --hand-loop} can time {@code pace run FILE -r 100 -t 1} against it, each
 * in a new JVM (the performance target: within 1.5 times this loop).
 *
 * <p>To keep the comparison honest it runs the same model (Poisson referrals for 3,650 days, the same stages,
 * capacities, routes, panel calendar, cancellations, deferrals and rework, and the same distributions drawn by the
 * same SSJ generators on MRG32k3a streams from pace's stream bank, one substream per replication), and it computes
 * and writes the same per-replication summary {@code pace run} reports for this model: arrivals, exits by outcome,
 * children still in the system, events, the time to permanence (n, mean, median, quartiles, 10th and 90th percentiles, R-7) and the
 * mean wait at each queue. It does not reproduce pace's draws (its streams differ), only its statistics:
 * {@code HandWrittenLoopTest} checks them against pace's within confidence intervals. The event list is a binary
 * heap in primitive arrays and children are indices into arrays: nothing is allocated per event or child.
 */
public final class HandWrittenLoop {
    static final double HORIZON = 3650;
    static final double FOLLOW_UP = 20 * 365.25;
    /** Stat columns of the time to permanence, in the order of {@link Summary#timeToPermanence()}. */
    static final String[] TTP = {"n", "mean", "median", "p10", "p25", "p75", "p90"};
    /** The queues whose mean wait is reported, in the order of {@link Summary#meanWait()}. */
    static final String[] QUEUES = {"lar", "panel", "adm", "court"};

    private static final int ARRIVE = 0, ASSESSED = 1, LAR_DONE = 2, LAR_AGAIN = 3, SITTING = 4, REWORKED = 5,
            ADM_DONE = 6, LODGED = 7, COURT_DONE = 8, JUDGED = 9;
    private static final int LAR = 0, PANEL = 1, ADM = 2, COURT = 3;

    /**
     * One replication's summary.
     *
     * @param timeToPermanence n, mean, median, p10, p25, p75, p90 of the days from arrival to permanence
     * @param meanWait         mean days waited at the lar, panel, adm and court queues
     */
    record Summary(int replication, long arrivals, long home, long permanence, long censored, long events,
                   double[] timeToPermanence, double[] meanWait) {}

    private final int[] capacity;
    private final double rate;
    private final StreamBank bank;
    // one stream per purpose, as pace has, from the same kind of stream bank; the generators draw from them
    private ExponentialGen interarrival, larTime, admTime;
    private LognormalGen assessTime, judgmentTime;
    private RandomVariateGen reworkTime, lodgeTime;
    private ErlangConvolutionGen courtTime;
    private RandomStream assessRoute, larRoute, panelRoute;

    // the event heap: time, then order of scheduling (first scheduled, first done), and kind + child packed in a long
    private double[] time = new double[1024];
    private long[] order = new long[1024];
    private long[] what = new long[1024];
    private int size;
    private long scheduled;

    // children: indices into these arrays
    private double[] arrivedAt = new double[1024];
    private double[] queuedAt = new double[1024];
    private int children;

    private final IntQueue[] queues = {new IntQueue(), new IntQueue(), new IntQueue(), new IntQueue()};
    private final int[] busy = new int[4];
    private final double[] waited = new double[4];
    private final long[] waits = new long[4];
    private double[] ttp = new double[1024];
    private int ttpCount;

    /** The reference pathway at {@code scale} (1 or 10: arrivals, servers and panel places times it). */
    HandWrittenLoop(int scale, long seed) {
        this.capacity = new int[] {3 * scale, 20 * scale, scale, 2 * scale};
        this.rate = scale;
        this.bank = new StreamBank(seed);
    }

    /** Replication {@code r}'s streams: substream {@code r} of each purpose's stream. */
    private void streams(int r) {
        interarrival = new ExponentialGen(bank.stream("hand-loop/arrivals", r), rate);
        assessTime = new LognormalGen(bank.stream("hand-loop/assess", r), Math.log(120), 0.5);
        assessRoute = bank.stream("hand-loop/assess-route", r);
        larTime = new ExponentialGen(bank.stream("hand-loop/lar", r), 1 / 3.0);
        larRoute = bank.stream("hand-loop/lar-route", r);
        panelRoute = bank.stream("hand-loop/panel-route", r);
        reworkTime = new RandomVariateGen(bank.stream("hand-loop/rework", r), new UniformDist(14, 42));
        admTime = new ExponentialGen(bank.stream("hand-loop/adm", r), 1 / 1.2);
        lodgeTime = new RandomVariateGen(bank.stream("hand-loop/lodge", r), new TriangularDist(7, 42, 14));
        courtTime = new ErlangConvolutionGen(bank.stream("hand-loop/court", r), 2, 1 / 1.5);
        judgmentTime = new LognormalGen(bank.stream("hand-loop/judgment", r), Math.log(60), 0.6);
    }

    /** The scale of the reference pathway file {@code file} models, or 0 when it is not one this loop runs. */
    static int scaleOf(Path file) {
        String name = file.getFileName().toString();
        return name.equals("reference-pathway.yaml") ? 1 : name.equals("reference-pathway-10x.yaml") ? 10 : 0;
    }

    /** Replications 0..n-1, in order (replication r on substream r of every stream). */
    Summary[] run(int replications) {
        Summary[] all = new Summary[replications];
        for (int r = 0; r < replications; r++) all[r] = replication(r);
        return all;
    }

    private Summary replication(int number) {
        streams(number);
        size = 0;
        scheduled = 0;
        children = 0;
        ttpCount = 0;
        for (IntQueue q : queues) q.clear();
        Arrays.fill(busy, 0);
        Arrays.fill(waited, 0);
        Arrays.fill(waits, 0);
        long arrivals = 0, home = 0, permanence = 0, events = 0;
        int inSystem = 0;
        schedule(interarrival.nextDouble(), ARRIVE, 0);
        schedule(14, SITTING, 0);
        double end = HORIZON + FOLLOW_UP;
        while (size > 0) {
            double now = time[0];
            if (now > end || now >= HORIZON && inSystem == 0) break;
            long w = what[0];
            pop();
            events++;
            int kind = (int) (w & 15), c = (int) (w >>> 4);
            switch (kind) {
                case ARRIVE -> {
                    c = newChild(now);
                    arrivals++;
                    inSystem++;
                    schedule(now + assessTime.nextDouble(), ASSESSED, c);
                    double next = now + interarrival.nextDouble();
                    if (next < HORIZON) schedule(next, ARRIVE, 0);
                }
                case ASSESSED -> {
                    if (assessRoute.nextDouble() < 0.4) {
                        inSystem--;
                        if (now < HORIZON) home++;
                    } else {
                        request(LAR, c, now);
                    }
                }
                case LAR_DONE -> {
                    release(LAR, now);
                    if (larRoute.nextDouble() < 0.3) schedule(now + 28, LAR_AGAIN, c); // cancelled: again in 28 days
                    else join(PANEL, c, now);
                }
                case LAR_AGAIN -> request(LAR, c, now);
                case SITTING -> {
                    sit(now);
                    schedule(now + 28, SITTING, 0);
                }
                case REWORKED -> join(PANEL, c, now);
                case ADM_DONE -> {
                    release(ADM, now);
                    schedule(now + lodgeTime.nextDouble(), LODGED, c);
                }
                case LODGED -> request(COURT, c, now);
                case COURT_DONE -> {
                    release(COURT, now);
                    schedule(now + judgmentTime.nextDouble(), JUDGED, c);
                }
                case JUDGED -> {
                    inSystem--;
                    if (now < HORIZON) permanence++;
                    if (ttpCount == ttp.length) ttp = Arrays.copyOf(ttp, 2 * ttpCount);
                    ttp[ttpCount++] = now - arrivedAt[c];
                }
                default -> throw new IllegalStateException("event kind " + kind);
            }
        }
        double[] meanWait = new double[4];
        for (int q = 0; q < 4; q++) meanWait[q] = waits[q] == 0 ? Double.NaN : waited[q] / waits[q];
        return new Summary(number, arrivals, home, permanence, inSystem, events, quantiles(), meanWait);
    }

    /** A panel sitting: hears up to its places, first come first heard; 10% deferred to rework, the rest approved. */
    private void sit(double now) {
        IntQueue q = queues[PANEL];
        for (int k = Math.min(capacity[PANEL], q.size()); k > 0; k--) {
            int c = q.poll();
            waited[PANEL] += now - queuedAt[c];
            waits[PANEL]++;
            if (panelRoute.nextDouble() < 0.1) schedule(now + reworkTime.nextDouble(), REWORKED, c);
            else request(ADM, c, now);
        }
    }

    private void join(int queue, int c, double now) {
        queuedAt[c] = now;
        queues[queue].add(c);
    }

    private void request(int resource, int c, double now) {
        if (busy[resource] < capacity[resource]) {
            busy[resource]++;
            waits[resource]++;
            serve(resource, c, now);
        } else {
            join(resource, c, now);
        }
    }

    private void release(int resource, double now) {
        IntQueue q = queues[resource];
        if (q.size() == 0) {
            busy[resource]--;
            return;
        }
        int c = q.poll();
        waited[resource] += now - queuedAt[c];
        waits[resource]++;
        serve(resource, c, now);
    }

    private void serve(int resource, int c, double now) {
        if (resource == LAR) schedule(now + larTime.nextDouble(), LAR_DONE, c);
        else if (resource == ADM) schedule(now + admTime.nextDouble(), ADM_DONE, c);
        else schedule(now + courtTime.nextDouble(), COURT_DONE, c);
    }

    private int newChild(double now) {
        if (children == arrivedAt.length) {
            arrivedAt = Arrays.copyOf(arrivedAt, 2 * children);
            queuedAt = Arrays.copyOf(queuedAt, 2 * children);
        }
        arrivedAt[children] = now;
        return children++;
    }

    /** n, mean and the R-7 quantiles of the times to permanence. */
    private double[] quantiles() {
        int n = ttpCount;
        double[] row = new double[TTP.length];
        row[0] = n;
        if (n == 0) {
            Arrays.fill(row, 1, row.length, Double.NaN);
            return row;
        }
        Arrays.sort(ttp, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += ttp[i];
        row[1] = sum / n;
        double[] p = {0.5, 0.1, 0.25, 0.75, 0.9};
        for (int k = 0; k < p.length; k++) {
            double h = (n - 1) * p[k];
            int lo = (int) h;
            row[2 + k] = lo + 1 < n ? ttp[lo] + (h - lo) * (ttp[lo + 1] - ttp[lo]) : ttp[lo];
        }
        return row;
    }

    // ------------------------------------------------------------------ the event heap

    private void schedule(double t, int kind, int child) {
        if (size == time.length) {
            time = Arrays.copyOf(time, 2 * size);
            order = Arrays.copyOf(order, 2 * size);
            what = Arrays.copyOf(what, 2 * size);
        }
        long o = scheduled++, w = (long) child << 4 | kind;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(t, o, parent)) break;
            move(parent, i);
            i = parent;
        }
        time[i] = t;
        order[i] = o;
        what[i] = w;
    }

    private void pop() {
        int last = --size;
        if (last == 0) return;
        double t = time[last];
        long o = order[last], w = what[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) break;
            if (child + 1 < last && before(time[child + 1], order[child + 1], child)) child++;
            if (!earlier(time[child], order[child], t, o)) break;
            move(child, i);
            i = child;
        }
        time[i] = t;
        order[i] = o;
        what[i] = w;
    }

    private boolean before(double t, long o, int slot) {
        return earlier(t, o, time[slot], order[slot]);
    }

    private static boolean earlier(double t1, long o1, double t2, long o2) {
        return t1 < t2 || t1 == t2 && o1 < o2;
    }

    private void move(int from, int to) {
        time[to] = time[from];
        order[to] = order[from];
        what[to] = what[from];
    }

    /** A first-in first-out queue of children, a ring buffer of ints. */
    private static final class IntQueue {
        private int[] items = new int[256];
        private int head, count;

        void add(int c) {
            if (count == items.length) {
                int[] bigger = new int[2 * count];
                for (int i = 0; i < count; i++) bigger[i] = items[(head + i) % items.length];
                items = bigger;
                head = 0;
            }
            items[(head + count++) % items.length] = c;
        }

        int poll() {
            int c = items[head];
            head = (head + 1) % items.length;
            count--;
            return c;
        }

        int size() {
            return count;
        }

        void clear() {
            head = count = 0;
        }
    }

    // ------------------------------------------------------------------ the command

    /** The per-replication summaries as CSV, one row per replication. */
    static void write(Summary[] all, Path out) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            StringBuilder header = new StringBuilder("replication,arrivals,home,permanence,censored,events");
            for (String s : TTP) header.append(",time_to_permanence_").append(s);
            for (String q : QUEUES) header.append(",mean_wait_").append(q);
            w.println(header);
            for (Summary s : all) {
                StringBuilder row = new StringBuilder();
                row.append(s.replication()).append(',').append(s.arrivals()).append(',').append(s.home()).append(',')
                        .append(s.permanence()).append(',').append(s.censored()).append(',').append(s.events());
                for (double v : s.timeToPermanence()) row.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                for (double v : s.meanWait()) row.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                w.println(row);
            }
        }
    }

    /** {@code HandWrittenLoop SCALE REPLICATIONS SEED OUT.csv}: runs the loop and writes its summaries. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: HandWrittenLoop SCALE REPLICATIONS SEED OUT.csv (SCALE 1 or 10)");
            System.exit(2);
        }
        HandWrittenLoop loop = new HandWrittenLoop(Integer.parseInt(args[0]), Long.parseLong(args[2]));
        write(loop.run(Integer.parseInt(args[1])), Path.of(args[3]));
    }
}
