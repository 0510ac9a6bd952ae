package org.pacesim.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.experiment.Sensitivity;
import org.pacesim.report.charts.Charts;
import org.pacesim.report.charts.Runs;
import org.pacesim.report.charts.Svg;
import org.pacesim.scenario.AppliedChange;
import org.pacesim.scenario.Durations;
import org.pacesim.scenario.Labels;
import org.pacesim.scenario.MeasureSpec;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Scenario;
import org.pacesim.scenario.StageSpec;
import org.pacesim.stats.ReplicationResult;
import org.pacesim.stats.StageStat;
import org.pacesim.stats.Summary;

/**
 * report.html: everything a workshop or a reader of the results needs in one file that opens anywhere, from a USB
 * stick, with no network: the findings, the charts (inline SVG), the tables, the scenarios with every change's
 * reason, the assumptions the files declare, and the run's provenance. Laid out to print on A4.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /** The report of an experiment (or of {@code pace compare}). */
    public static String experiment(Experiment.Results r, Charts.Result charts, List<String> command, Instant started,
                                    String partial) {
        Runs runs = Runs.of(r);
        Page p = new Page(r.spec().name());
        p.intro("", runs.ranked(), r.seconds()); // the findings open with the experiment's description
        p.partial(partial);
        String findings = Findings.of(r);
        p.section("findings", "Findings", Markdown.html(findings.substring(findings.indexOf('\n') + 1), 1));
        p.charts(charts);
        p.section("tables", "Tables", measuresTable(runs.baseline()) + stagesTable(runs.baseline())
                + outcomesTable(runs.ranked()));
        p.scenarios(runs.ranked());
        p.assumptions(runs.ranked());
        p.provenance(RunJson.tree(command, started, r.runs(), partial));
        return p.html();
    }

    /** The report of one scenario ({@code pace run}). */
    public static String run(ScenarioResults r, Charts.Result charts, List<String> command, Instant started) {
        Page p = new Page(r.name());
        p.intro("", List.of(r), r.seconds());
        String clearance = CaseloadClearance.sentence(r);
        p.section("findings", "Findings", (clearance == null ? "" : "<p>" + Html.escape("Today's caseload: " + clearance) + "</p>")
                + "<ul>" + runFindings(r) + "</ul>");
        p.charts(charts);
        p.section("tables", "Tables", measuresTable(r) + stagesTable(r) + outcomesTable(List.of(r)));
        p.scenarios(List.of(r));
        p.assumptions(List.of(r));
        p.provenance(RunJson.tree(command, started, List.of(r)));
        return p.html();
    }

    /** The report of a sensitivity analysis. */
    public static String sensitivity(Sensitivity.Results r, Charts.Result charts, List<String> command,
                                     Instant started, String partial) {
        Page p = new Page("Sensitivity: " + r.base().name());
        p.intro("Which lever matters most: each stage's durations, each capacity and each branch probability moved"
                + " down and up, one at a time.", List.of(r.base()), r.base().seconds());
        p.partial(partial);
        String md = SensitivityReport.markdown(r);
        p.charts(charts);
        p.section("tables", "All levers", Markdown.html(md.substring(md.indexOf('\n') + 1), 1));
        p.scenarios(List.of(r.base()));
        p.assumptions(List.of(r.base()));
        p.provenance(RunJson.tree(command, started, List.of(r.base()), partial));
        return p.html();
    }

    // ---------------------------------------------------------------- tables

    private static String runFindings(ScenarioResults r) {
        StringBuilder sb = new StringBuilder();
        for (String m : r.layout().measures()) {
            Summary.Estimate med = stat(r, m, MeasureStat.MEDIAN);
            if (med == null || Double.isNaN(med.mean())) continue;
            Summary.Estimate within = stat(r, m, MeasureStat.WITHIN_TARGET);
            sb.append("<li><strong>").append(Html.escape(Labels.measure(r.scenario(), m)))
                    .append("</strong>: median ")
                    .append(weeks(med)).append(" weeks");
            if (within != null && !Double.isNaN(within.mean())) sb.append("; ").append(percent(within)).append(" within target");
            sb.append("</li>");
        }
        return sb.toString();
    }

    private static String measuresTable(ScenarioResults r) {
        Scenario s = r.scenario();
        StringBuilder sb = new StringBuilder("<h3>Measures: " + Html.escape(s.name()) + "</h3>\n<table>\n<thead><tr>"
                + "<th>Measure</th><th>From &rarr; to</th><th class=n>Children per replication</th><th class=n>Mean</th>"
                + "<th class=n>Median</th><th class=n>90th percentile</th><th class=n>Within target</th></tr></thead>\n"
                + "<tbody>\n");
        for (String m : r.layout().measures()) {
            MeasureSpec spec = s.reportedMeasure(m);
            String target = spec.hasTarget() ? " (target " + Durations.format(spec.target()) + ")" : "";
            sb.append("<tr><td><strong>").append(Html.escape(Labels.measure(s, m))).append("</strong>")
                    .append(Html.escape(target));
            if (!spec.description().isEmpty()) sb.append("<br><small>").append(Html.escape(spec.description())).append("</small>");
            sb.append("</td><td>").append(Html.escape(spec.from() + " \u2192 " + spec.to())).append("</td><td class=n>")
                    .append(plain(stat(r, m, MeasureStat.N))).append("</td><td class=n>")
                    .append(weeks(stat(r, m, MeasureStat.MEAN))).append("</td><td class=n>")
                    .append(weeks(stat(r, m, MeasureStat.MEDIAN))).append("</td><td class=n>")
                    .append(weeks(stat(r, m, MeasureStat.P90))).append("</td><td class=n>")
                    .append(percent(stat(r, m, MeasureStat.WITHIN_TARGET))).append("</td></tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    private static String stagesTable(ScenarioResults r) {
        StringBuilder sb = new StringBuilder("<h3>Stages: " + Html.escape(r.name()) + "</h3>\n"
                + "<table>\n<thead><tr><th>Stage</th><th>Kind</th><th class=n>Entries a year</th>"
                + "<th class=n>Wait (weeks)</th><th class=n>Time in stage (weeks)</th><th class=n>Queue</th>"
                + "<th class=n>Utilisation</th></tr></thead>\n<tbody>\n");
        Map<String, Map<StageStat, Summary.Estimate>> by = new LinkedHashMap<>();
        for (Summary.StageRow row : r.summary().stages()) {
            by.computeIfAbsent(row.stage(), k -> new LinkedHashMap<>()).put(row.statistic(), row.estimate());
        }
        List<StageSpec.Kind> kinds = r.layout().stageKinds();
        List<String> stages = r.layout().stages();
        for (int i = 0; i < stages.size(); i++) {
            Map<StageStat, Summary.Estimate> s = by.getOrDefault(stages.get(i), Map.of());
            boolean queues = kinds.get(i).queues();
            sb.append("<tr><td>").append(Html.escape(Labels.stage(r.scenario(), stages.get(i))))
                    .append("</td><td>").append(kinds.get(i))
                    .append("</td><td class=n>").append(plain(s.get(StageStat.ENTRIES_PER_YEAR)))
                    .append("</td><td class=n>").append(queues ? weeks(s.get(StageStat.WAIT_MEAN)) : "")
                    .append("</td><td class=n>").append(kinds.get(i) == StageSpec.Kind.EXIT ? "" : weeks(s.get(StageStat.TIME_IN_STAGE_MEAN)))
                    .append("</td><td class=n>").append(queues ? plain(s.get(StageStat.QUEUE_LENGTH_MEAN)) : "")
                    .append("</td><td class=n>").append(s.containsKey(StageStat.UTILISATION) ? percent(s.get(StageStat.UTILISATION)) : "")
                    .append("</td></tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    private static String outcomesTable(List<ScenarioResults> runs) {
        List<ScenarioResults> shown = runs.subList(0, Math.min(2, runs.size()));
        StringBuilder sb = new StringBuilder("<h3>Outcomes a year</h3>\n<table>\n<thead><tr><th>Outcome</th>");
        for (ScenarioResults r : shown) sb.append("<th class=n>").append(Html.escape(r.name())).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (Summary.OutcomeRow row : shown.get(0).summary().outcomes()) {
            sb.append("<tr><td>").append(Html.escape(row.outcome().label())).append("</td>");
            for (ScenarioResults r : shown) {
                Summary.Estimate e = null;
                for (Summary.OutcomeRow o : r.summary().outcomes()) if (o.outcome().equals(row.outcome())) e = o.estimate();
                sb.append("<td class=n>").append(plain(e)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    // ---------------------------------------------------------------- numbers

    private static Summary.Estimate stat(ScenarioResults r, String measure, MeasureStat s) {
        for (Summary.MeasureRow row : r.summary().measures()) {
            if (row.measure().equals(measure) && row.statistic() == s) return row.estimate();
        }
        return null;
    }

    private static String weeks(Summary.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) return "&ndash;";
        return ci(e.mean() / 7, e.low() / 7, e.high() / 7, "%.1f");
    }

    private static String percent(Summary.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) return "&ndash;";
        return ci(e.mean() * 100, e.low() * 100, e.high() * 100, "%.0f%%");
    }

    private static String plain(Summary.Estimate e) {
        if (e == null || Double.isNaN(e.mean())) return "&ndash;";
        return String.format(Locale.ROOT, "%.1f", e.mean());
    }

    private static String ci(double mean, double low, double high, String format) {
        String m = String.format(Locale.ROOT, format, mean);
        if (Double.isNaN(low)) return m;
        return m + " <small>" + String.format(Locale.ROOT, format, low) + " to " + String.format(Locale.ROOT, format, high)
                + "</small>";
    }

    // ---------------------------------------------------------------- the page

    /** The page being built: its sections, and a table of contents of them. */
    private static final class Page {
        private final String title;
        private final StringBuilder body = new StringBuilder();
        private final Map<String, String> contents = new LinkedHashMap<>();

        Page(String title) {
            this.title = title;
        }

        void intro(String description, List<ScenarioResults> runs, double seconds) {
            ScenarioResults base = runs.get(0);
            int reps = base.replications().size();
            double cohort = base.replications().stream().mapToLong(ReplicationResult::cohort).average().orElse(0);
            body.append("<p class=lead>").append(Html.escape(description.trim())).append("</p>\n");
            body.append(String.format(Locale.ROOT, "<p class=meta>%d scenario%s &middot; %d replications each, seed %d"
                    + " &middot; cohort: %.0f children per replication, entering from year %s to year %s, followed for"
                    + " %.0f years after &middot; run in %.1f seconds</p>\n", runs.size(), runs.size() == 1 ? "" : "s",
                    reps, base.scenario().run().seed(), cohort,
                    trim(base.scenario().run().warmup() / Durations.YEAR),
                    trim(base.scenario().run().horizon() / Durations.YEAR),
                    base.scenario().run().followUp() / Durations.YEAR, seconds));
        }

        /** A partial result (a merge without some shards) says so before anything else, as run.json does. */
        void partial(String reason) {
            if (reason != null) body.append(partialBanner(reason));
        }

        void section(String id, String heading, String html) {
            contents.put(id, heading);
            body.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n")
                    .append(html).append("</section>\n");
        }

        void charts(Charts.Result charts) {
            if (charts.drawn().isEmpty() && charts.skipped().isEmpty()) return;
            StringBuilder sb = new StringBuilder();
            for (Charts.Drawn d : charts.drawn()) {
                sb.append("<figure id=\"chart-").append(d.name()).append("\">\n").append(Svg.inline(d.svg()))
                        .append("\n<figcaption>").append(Html.escape(d.caption())).append(" <span class=files>")
                        .append("<a href=\"").append(Charts.FOLDER).append(d.name()).append(".png\">PNG</a> &middot; ")
                        .append("<a href=\"").append(Charts.FOLDER).append(d.name()).append(".svg\">SVG</a></span>")
                        .append("</figcaption>\n</figure>\n");
            }
            List<String> text = charts.files().stream().filter(f -> f.endsWith(".dot") || f.endsWith(".mmd")
                    || f.endsWith(".graphviz.svg")).toList();
            if (!text.isEmpty()) {
                sb.append("<p class=files>The process map of every scenario as Graphviz DOT and Mermaid text: ");
                for (int i = 0; i < text.size(); i++) {
                    String f = text.get(i);
                    sb.append(i == 0 ? "" : ", ").append("<a href=\"").append(Html.escape(f)).append("\">")
                            .append(Html.escape(f.substring(Charts.FOLDER.length()))).append("</a>");
                }
                sb.append(".</p>\n");
            }
            for (String s : charts.skipped()) sb.append("<p class=files>Not drawn: ").append(Html.escape(s)).append(".</p>\n");
            section("charts", "Charts", sb.toString());
        }

        void scenarios(List<ScenarioResults> runs) {
            StringBuilder sb = new StringBuilder();
            for (ScenarioResults r : runs) {
                Scenario s = r.scenario();
                sb.append("<h3>").append(Html.escape(s.name())).append("</h3>\n<p class=meta><code>")
                        .append(Html.escape(s.file())).append("</code></p>\n");
                if (!s.description().isBlank()) sb.append("<p>").append(Html.escape(s.description().trim())).append("</p>\n");
                if (s.changes().isEmpty()) continue;
                sb.append("<ol class=changes>\n");
                for (AppliedChange c : s.changes()) {
                    sb.append("<li><strong>").append(Html.escape(c.summary())).append("</strong>");
                    if (!c.why().isBlank()) sb.append("<br><span class=why>why: ").append(Html.escape(c.why().trim()
                            .replaceAll("\\s+", " "))).append("</span>");
                    sb.append(" <small>(").append(Html.escape(c.at().toString())).append(")</small></li>\n");
                }
                sb.append("</ol>\n");
            }
            section("scenarios", "Scenarios and their changes", sb.toString());
        }

        void assumptions(List<ScenarioResults> runs) {
            List<String> files = new ArrayList<>();
            for (ScenarioResults r : runs) files.addAll(r.scenario().files());
            List<Assumptions.Assumption> all = Assumptions.of(files);
            StringBuilder sb = new StringBuilder("<p>Every value the scenario files mark as assumed (<code># A</code>),"
                    + " where it is written. Figures marked S (sourced), B (programme documents) and D (derived) are"
                    + " not listed.</p>\n");
            String file = null;
            for (Assumptions.Assumption a : all) {
                if (!a.file().equals(file)) {
                    if (file != null) sb.append("</tbody></table>\n");
                    file = a.file();
                    sb.append("<h3><code>").append(Html.escape(file)).append("</code></h3>\n<table class=assumptions>"
                            + "<thead><tr><th class=n>Line</th><th>Where</th><th>Setting</th><th>Assumption</th></tr></thead><tbody>\n");
                }
                sb.append("<tr><td class=n>").append(a.line()).append("</td><td><code>").append(Html.escape(a.where()))
                        .append("</code></td><td><code>").append(Html.escape(a.parameter()))
                        .append("</code></td><td>").append(Html.escape(a.comment())).append("</td></tr>\n");
            }
            if (file != null) sb.append("</tbody></table>\n");
            if (all.isEmpty()) sb.append("<p>The files mark no value as assumed.</p>\n");
            section("assumptions", "Assumptions (" + all.size() + ")", sb.toString());
        }

        @SuppressWarnings("unchecked")
        void provenance(Map<String, Object> tree) {
            StringBuilder sb = new StringBuilder("<table class=facts><tbody>\n");
            for (String k : List.of("tool", "version", "status", "command", "started", "java", "cores")) {
                Object v = tree.get(k);
                String text = v instanceof List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList())
                        : String.valueOf(v);
                sb.append("<tr><th>").append(k).append("</th><td><code>").append(Html.escape(text)).append("</code></td></tr>\n");
            }
            sb.append("</tbody></table>\n<table>\n<thead><tr><th>Scenario</th><th class=n>Seed</th>"
                    + "<th class=n>Replications</th><th class=n>Threads</th><th class=n>Seconds</th><th class=n>Events</th>"
                    + "<th class=n>Censored</th></tr></thead><tbody>\n");
            Map<String, String> files = new LinkedHashMap<>();
            for (Object o : (List<Object>) tree.get("scenarios")) {
                Map<String, Object> s = (Map<String, Object>) o;
                sb.append("<tr><td>").append(Html.escape(String.valueOf(s.get("name")))).append("</td><td class=n>")
                        .append(s.get("seed")).append("</td><td class=n>").append(s.get("replications"))
                        .append("</td><td class=n>").append(s.get("threads")).append("</td><td class=n>")
                        .append(s.get("seconds")).append("</td><td class=n>").append(s.get("events"))
                        .append("</td><td class=n>").append(s.get("censored")).append("</td></tr>\n");
                for (Object f : (List<Object>) s.get("files")) {
                    Map<String, Object> file = (Map<String, Object>) f;
                    files.put(String.valueOf(file.get("path")), String.valueOf(file.get("sha256")));
                }
            }
            sb.append("</tbody></table>\n<h3>Files read</h3>\n<table class=files><thead><tr><th>File</th><th>SHA-256</th>"
                    + "</tr></thead><tbody>\n");
            files.forEach((f, h) -> sb.append("<tr><td><code>").append(Html.escape(f)).append("</code></td><td><code>")
                    .append(Html.escape(h)).append("</code></td></tr>\n"));
            sb.append("</tbody></table>\n<p>The same facts are in run.json; the figures behind every table and chart"
                    + " are in the CSV files beside this report (durations in days).</p>\n");
            section("provenance", "Provenance", sb.toString());
        }

        String html() {
            StringBuilder nav = new StringBuilder("<nav><ol>");
            contents.forEach((id, h) -> nav.append("<li><a href=\"#").append(id).append("\">").append(Html.escape(h))
                    .append("</a></li>"));
            nav.append("</ol></nav>\n");
            return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                    + Html.escape(title) + " \u2013 pace-sim report</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                    + "<header><p class=tool>pace-sim report</p><h1>" + Html.escape(title) + "</h1></header>\n"
                    + nav + body + "</body>\n</html>\n";
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        }
    }

    /** Screen and A4 print styles; no web fonts or other files, so the page needs no network. */
    /** The banner a partial result's report opens with. */
    static String partialBanner(String reason) {
        return "<p class=partial><strong>PARTIAL:</strong> " + Html.escape(reason) + "</p>\n";
    }

    static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #222; line-height: 1.45;
                   max-width: 1120px; margin: 1.5em auto; padding: 0 1em; }
            .tool { color: #0072B2; font-weight: bold; margin: 0; text-transform: uppercase; letter-spacing: .08em;
                    font-size: .85em; }
            h1 { font-size: 1.9em; margin: .2em 0 .4em; }
            h2 { font-size: 1.45em; border-bottom: 3px solid #0072B2; padding-bottom: .15em; margin-top: 2em; }
            h3 { font-size: 1.1em; margin-top: 1.5em; }
            .lead { font-size: 1.1em; }
            .meta, .files, figcaption, small { color: #555; }
            .partial { border: 2px solid #b00; padding: .4em .6em; color: #900; }
            nav ol { columns: 2; padding-left: 1.2em; }
            figure { margin: 1.5em 0 2.2em; break-inside: avoid; page-break-inside: avoid; }
            figure svg { width: 100%; height: auto; display: block; border: 1px solid #ddd; }
            figcaption { font-size: .93em; margin-top: .4em; }
            table { border-collapse: collapse; width: 100%; margin: .8em 0 1.2em; font-size: .88em; }
            th, td { border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f6f9; }
            .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            td.n small { display: block; font-size: .82em; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            thead { display: table-header-group; }
            code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .92em; word-break: break-all; }
            table.facts th { width: 9em; }
            .changes li { margin-bottom: .5em; }
            .why { color: #333; }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
              nav, .files { display: none; }
              a { color: inherit; text-decoration: none; }
              figure svg { border: none; }
              h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
              h3 + p, h3 + table, h2 + p { break-before: avoid; page-break-before: avoid; }
              table { font-size: 8.5pt; }
              th, td { padding: .2em .35em; }
              section#charts, section#scenarios, section#assumptions, section#provenance { break-before: page;
                page-break-before: always; }
            }
            """;
}
