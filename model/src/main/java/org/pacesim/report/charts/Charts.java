package org.pacesim.report.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.scenario.MilestoneSpec;

/**
 * Draws the charts a run asks for and saves each as PNG (1600 x 900) and SVG under {@code charts/}, with the
 * process maps also as Graphviz DOT and Mermaid text. Figures are drawn in parallel, each on its own, and saved in
 * a fixed order, so the files do not depend on the thread count.
 */
public final class Charts {
    /** The folder, within a results folder, that holds the charts. */
    public static final String FOLDER = "charts/";

    /** Whether this process has started drawing its warm-up figure. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    private Charts() {}

    /**
     * Starts drawing a throw-away figure, once per process, on a background thread of low priority, so that the
     * first use of Java 2D, the fonts, XChart and the PNG and SVG writers (most of the cost of a run's first charts)
     * overlaps the simulation, which leaves a core idle while a small run loads and compiles its scenario. It writes
     * nothing and changes no figure: each chart is drawn afresh from its own data, as before.
     */
    public static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            try {
                Plot plot = new Plot("Months", "Share (%)");
                plot.line("a", new double[] {0, 1, 2}, new double[] {0, 50, 100}, Palette.scenario(0));
                Figure f = new Figure("warm-up", "Warming up", "nothing").panel(plot)
                        .legend(new Legend("Scenarios").line("a", Palette.scenario(0)), 330).note("a note");
                f.png();
                f.svg();
            } catch (RuntimeException e) {
                // only a warm-up: the charts themselves report what stops them
            }
        }, "chart warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Where files go: a results folder, in practice. */
    @FunctionalInterface
    public interface Sink {
        /** Writes one file (a path relative to the results folder). */
        void write(String path, byte[] content) throws IOException;
    }

    /**
     * A chart as saved, for the report.
     *
     * @param name     file name without extension (under {@link #FOLDER})
     * @param title    the finding
     * @param subtitle what it was drawn from
     * @param caption  how to read it
     * @param svg      the SVG document
     * @param series   the series drawn
     */
    public record Drawn(String name, String title, String subtitle, String caption, String svg, List<String> series) {}

    /**
     * What was drawn, and what was asked for but could not be (with the reason).
     *
     * @param drawn   in the order asked for
     * @param skipped one line per chart not drawn
     * @param files   every file written, relative to the results folder
     */
    public record Result(List<Drawn> drawn, List<String> skipped, List<String> files) {}

    /**
     * Draws the charts named (see {@code ExperimentSpec.CHARTS}) for an experiment or a single run.
     *
     * @param runs  the scenarios
     * @param names the charts asked for
     * @param sink  where the files go
     */
    public static Result draw(Runs runs, List<String> names, Sink sink) throws IOException {
        List<Supplier<Figure>> tasks = new ArrayList<>();
        List<String> taskNames = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean detail = runs.hasDetail();
        boolean permanence = runs.baseline().scenario().milestones().containsKey(MilestoneSpec.PERMANENCE);
        for (String name : names) {
            boolean needsDetail = !name.equals("distribution") && !name.equals("aims") && !name.equals("tornado");
            if (needsDetail && !detail) {
                skipped.add(name + ": the runs did not gather the detail it needs");
                continue;
            }
            if (!permanence && (name.equals("cumulative") || name.equals("where_time_goes"))) {
                skipped.add(name + ": no exit of the baseline has the outcome permanence");
                continue;
            }
            switch (name) {
                case "cumulative" -> tasks.add(() -> CumulativeChart.draw(runs));
                case "distribution" -> tasks.add(() -> DistributionChart.draw(runs));
                case "aims" -> tasks.add(() -> AimsChart.draw(runs));
                case "where_time_goes" -> tasks.add(() -> TimeSpentChart.draw(runs));
                case "queues" -> tasks.add(() -> QueuesChart.draw(runs));
                case "timelines" -> tasks.add(() -> TimelineChart.draw(runs));
                case "tornado" -> skipped.add("tornado: drawn by 'pace sensitivity' from its own runs");
                case "process_map" -> tasks.addAll(processMaps(runs, sink, files));
                default -> skipped.add(name + ": no such chart");
            }
            while (taskNames.size() < tasks.size()) taskNames.add(name);
        }
        List<Drawn> drawn = new ArrayList<>();
        List<Rendered> rendered = render(tasks);
        for (int i = 0; i < rendered.size(); i++) {
            Rendered r = rendered.get(i);
            if (r.notDrawn() == null) drawn.add(save(r, sink, files));
            else skipped.add(taskNames.get(i) + ": " + r.notDrawn());
        }
        return new Result(List.copyOf(drawn), List.copyOf(skipped), List.copyOf(files));
    }

    /** Draws the tornado chart of a sensitivity analysis. */
    public static Result tornado(Sensitivity.Results r, Sink sink) throws IOException {
        List<String> files = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Rendered x : render(List.of(() -> TornadoChart.draw(r)))) {
            if (x.notDrawn() == null) drawn.add(save(x, sink, files));
            else skipped.add("tornado: " + x.notDrawn());
        }
        return new Result(drawn, skipped, files);
    }

    /** Draws figures made elsewhere in this package (an uncertainty analysis's), those that cannot be named. */
    static Result drawAll(List<Supplier<Figure>> tasks, Sink sink) throws IOException {
        List<String> files = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Rendered x : render(tasks)) {
            if (x.notDrawn() == null) drawn.add(save(x, sink, files));
            else skipped.add(x.notDrawn());
        }
        return new Result(drawn, skipped, files);
    }

    /** Draws the chart of a back-test: observed figures per quarter over the simulated bands. */
    public static Drawn backtest(org.pacesim.experiment.Backtest.Result r, org.pacesim.fit.Disclosure d, Sink sink)
            throws IOException {
        List<String> files = new ArrayList<>();
        return save(render(List.of(() -> BacktestChart.draw(r, d))).get(0), sink, files);
    }

    /**
     * Draws the run charts of an experiment with dated changes: each scenario's site run chart of the main series
     * ({@code run_chart-SCENARIO}), and the detection by month after the change ({@code run_chart_detection}).
     */
    public static Result runCharts(List<org.pacesim.experiment.RunCharts.Charted> all, String measure,
                                   org.pacesim.scenario.MeasureStat statistic, int within, Sink sink) throws IOException {
        List<Supplier<Figure>> tasks = new ArrayList<>();
        tasks.add(() -> RunChartChart.detection(all, measure, statistic, within));
        List<String> used = new ArrayList<>();
        for (org.pacesim.experiment.RunCharts.Charted c : all) {
            org.pacesim.stats.RunChart chart = c.chart(measure, statistic);
            if (chart == null || chart.months() == 0) continue;
            String name = "run_chart-" + slug(c.scenario().file(), used);
            tasks.add(() -> RunChartChart.site(c, chart, name));
        }
        List<String> files = new ArrayList<>();
        List<Drawn> drawn = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Rendered r : render(tasks)) {
            if (r.notDrawn() == null) drawn.add(save(r, sink, files));
            else skipped.add("run chart: " + r.notDrawn());
        }
        return new Result(List.copyOf(drawn), List.copyOf(skipped), List.copyOf(files));
    }

    /** The baseline's map and the main intervention's, and DOT and Mermaid text for every scenario. */
    private static List<Supplier<Figure>> processMaps(Runs runs, Sink sink, List<String> files) throws IOException {
        List<Supplier<Figure>> tasks = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (ScenarioResults r : runs.ranked()) {
            String slug = slug(r, used);
            String dot = ProcessMapChart.dot(runs, r);
            write(sink, files, FOLDER + "process_map-" + slug + ".dot", dot.getBytes(StandardCharsets.UTF_8));
            write(sink, files, FOLDER + "process_map-" + slug + ".mmd",
                    ProcessMapChart.mermaid(runs, r).getBytes(StandardCharsets.UTF_8));
            boolean drawn = r == runs.baseline() || r == runs.main();
            if (!drawn) continue;
            Graphviz.Drawing graphviz = Graphviz.svg(dot).orElse(null);
            if (graphviz != null) {
                write(sink, files, FOLDER + "process_map-" + slug + ".graphviz.svg",
                        graphviz.svg().getBytes(StandardCharsets.UTF_8));
            }
            String name = r == runs.baseline() ? "process_map" : "process_map-" + slug;
            ScenarioResults reference = r == runs.baseline() ? null : runs.baseline();
            tasks.add(() -> ProcessMapChart.draw(runs, r, reference, name, graphviz));
        }
        return tasks;
    }

    /** A file-name-safe name for a scenario: its file's name, made unique. */
    private static String slug(ScenarioResults r, List<String> used) {
        return slug(r.scenario().file(), used);
    }

    /** A file-name-safe name for a scenario file, made unique. */
    private static String slug(String scenarioFile, List<String> used) {
        String file = java.nio.file.Path.of(scenarioFile).getFileName().toString();
        String base = file.replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9_-]", "-");
        String s = base;
        for (int k = 2; used.contains(s); k++) s = base + "-" + k;
        used.add(s);
        return s;
    }

    /** A figure with its two renderings, made on a worker thread, or why it was not drawn. */
    private record Rendered(Figure figure, byte[] png, String svg, String notDrawn) {}

    private static List<Rendered> render(List<Supplier<Figure>> tasks) {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chart");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Rendered>> futures = new ArrayList<>();
            for (Supplier<Figure> task : tasks) {
                futures.add(pool.submit(() -> {
                    try {
                        Figure f = task.get();
                        return new Rendered(f, f.png(), f.svg(), null);
                    } catch (NotDrawn e) {
                        return new Rendered(null, null, null, e.getMessage());
                    }
                }));
            }
            List<Rendered> out = new ArrayList<>();
            for (Future<Rendered> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Drawn save(Rendered r, Sink sink, List<String> files) throws IOException {
        Figure f = r.figure();
        write(sink, files, FOLDER + f.name() + ".png", r.png());
        write(sink, files, FOLDER + f.name() + ".svg", r.svg().getBytes(StandardCharsets.UTF_8));
        return new Drawn(f.name(), f.title(), f.subtitle(), f.caption(), r.svg(), f.series());
    }

    private static void write(Sink sink, List<String> files, String path, byte[] content) throws IOException {
        sink.write(path, content);
        files.add(path);
    }
}
