package org.pacesim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as Markdown tables, ready to paste into the README, with the machine they came from. */
public final class BenchTables {
    private BenchTables() {}

    /** The machine: cores, processor, Java. */
    public static String machine() {
        return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                cpu(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"));
    }

    /** The tables of a benchmark run. */
    public static String of(List<Bench.Figures> figures, Bench.Settings s) {
        StringBuilder b = new StringBuilder();
        b.append("Machine: ").append(machine()).append('\n');
        b.append(String.format(Locale.ROOT, "Steady state: median of %d rounds of about %.1f s after %.0f s of warm-up;"
                + " speed-up: median of 3 runs.%n%n", s.rounds(), s.roundSeconds(), s.warmupSeconds()));
        b.append("| workload | journeys / replication | journeys/s, 1 thread | (per CPU s) | events/s, 1 thread"
                + " | speed-up 1 -> ")
                .append(s.threads()).append(" threads (identical) |");
        if (s.replications() > 0) {
            b.append(" pace run -r ").append(s.replications()).append(", ").append(s.threads())
                    .append(" threads, -Xmx").append(s.heap()).append(" | peak heap | heap kept by results, ")
                    .append(Math.max(1, s.replications() / 10)).append(" / ").append(s.replications())
                    .append(" replications |");
        }
        b.append('\n').append(s.replications() > 0 ? "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                : "|---|---:|---:|---:|---:|---:|\n");
        for (Bench.Figures f : figures) {
            Speedup.Result sp = f.speedup();
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |", f.workload().label(),
                    whole(f.steady().engine().journeysPerReplication()), whole(f.steady().engine().journeysPerSecond()),
                    whole(f.steady().engine().journeysPerCpuSecond()), whole(f.steady().engine().eventsPerSecond()), sp == null ? "n/a"
                    : String.format(Locale.ROOT, "%.2fx (%s)", sp.ratio(), sp.identical() ? "yes" : "NO")));
            if (f.process() != null) {
                WholeProcess.Result p = f.process();
                b.append(p.exitCode() == 0 ? String.format(Locale.ROOT, " %.1f s |", p.seconds())
                        : " failed (exit " + p.exitCode() + ") |");
                b.append(' ').append(mb(p.peakHeapMb())).append(" | ").append(String.format(Locale.ROOT,
                        "%.1f MB / %.1f MB", f.keptTenth(), f.kept())).append(" |");
            }
            b.append('\n');
        }
        for (Bench.Figures f : figures) {
            WholeProcess.Result p = f.process();
            if (p != null && p.exitCode() != 0) {
                b.append("\n").append(f.workload().label()).append(": pace run -r ").append(p.replications())
                        .append(" failed:\n").append(p.output()).append('\n');
            }
        }
        b.append("\nThe engine alone and the product path (everything pace run records per replication: the detail"
                + " recorders and the summary; not the drawing) on the same replications, one thread, rounds"
                + " alternated:\n\n");
        b.append("| workload | engine alone, ms / replication | product path, ms / replication | product / engine"
                + " (wall) | (CPU) | MB allocated / replication, engine / product |\n|---|---:|---:|---:|---:|---:|\n");
        for (Bench.Figures f : figures) {
            SteadyState.SideBySide two = f.steady();
            b.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx | %.2fx | %.1f / %.1f |%n",
                    f.workload().label(), 1e3 * two.engine().secondsPerReplication(),
                    1e3 * two.product().secondsPerReplication(), two.ratio(), two.cpuRatio(),
                    two.engine().bytesPerReplication() / 1e6, two.product().bytesPerReplication() / 1e6));
        }
        if (figures.stream().anyMatch(f -> f.fixed() != null)) {
            b.append("\nThe fixed cost of a run: pace run -r 1 (every chart and report.html) and pace --version, each in"
                    + " a new JVM, median of three:\n\n| workload | pace run -r 1, s | pace --version (JVM start-up), s"
                    + " | beyond start-up, s |\n|---|---:|---:|---:|\n");
            for (Bench.Figures f : figures) {
                WholeProcess.FixedCost c = f.fixed();
                if (c == null) continue;
                b.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", f.workload().label(), c.run(),
                        c.startup(), c.beyondStartup()));
            }
        }
        if (figures.stream().anyMatch(f -> f.handLoop() != null)) {
            b.append("\nWhole process against a minimal hand-written event loop of the same model (HandWrittenLoop),"
                    + " each in a new JVM, one thread, median of three:\n\n| workload | pace run -r N -t 1, s |"
                    + " hand-written loop, N replications, s | pace run / hand loop |\n|---|---:|---:|---:|\n");
            for (Bench.Figures f : figures) {
                WholeProcess.HandLoop h = f.handLoop();
                if (h == null) continue;
                b.append(String.format(Locale.ROOT, "| %s (N = %d) | %.2f | %.2f | %.2fx |%n", f.workload().label(),
                        h.replications(), h.pace(), h.loop(), h.ratio()));
            }
        }
        if (figures.stream().anyMatch(f -> f.scaling().size() > 1)) {
            b.append(s.scaleBy() == Workload.Scaling.RATE
                    ? "\nScaling (arrival rate, servers and meeting places times the factor; one thread, steady"
                            + " state):\n\n"
                    : "\nScaling (horizon times the factor; one thread, steady state):\n\n");
            b.append("| workload | factor | journeys / replication | s / replication | journeys/s | ns / journey |"
                    + " cost per journey vs 1x | (CPU) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Bench.Figures f : figures) {
                double base = f.scaling().get(0).throughput().nanosPerJourney();
                // CPU time per journey is less disturbed than wall time by other processes on a shared machine
                double baseCpu = 1 / f.scaling().get(0).throughput().journeysPerCpuSecond();
                for (Bench.Scaled sc : f.scaling()) {
                    SteadyState.Throughput t = sc.throughput();
                    b.append(String.format(Locale.ROOT, "| %s | %dx | %s | %.4f | %s | %.0f | %.2f | %.2f |%n",
                            f.workload().label(), sc.factor(), whole(t.journeysPerReplication()),
                            t.secondsPerReplication(), whole(t.journeysPerSecond()), t.nanosPerJourney(),
                            t.nanosPerJourney() / base, 1 / t.journeysPerCpuSecond() / baseCpu));
                }
            }
        }
        return b.toString();
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f MB", v);
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the core count alone will do
        }
        return "processor unknown";
    }
}
