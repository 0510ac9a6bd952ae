package org.pacesim.report.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pacesim.experiment.ScenarioResults;
import org.pacesim.stats.ReplicationDetail;

/**
 * Chart 4, where the time goes: for each scenario, a bar of the mean time to permanence split into the stages a
 * child passes, in pathway order, each stage's part split again into waiting (lighter: for a solicitor, the ADM, a
 * panel sitting, the next review, or the other branch of the court process) and being worked on. The stages that
 * take most time in the baseline get a colour each; the rest alternate two greys ({@link StageColours}).
 */
final class TimeSpentChart {
    private static final int LABELS = 330;

    private TimeSpentChart() {}

    /**
     * Mean days per child who reached permanence, waiting and in the stage, by stage name.
     *
     * @param waiting waiting, by stage
     * @param working in the stage, by stage
     */
    record Split(Map<String, Double> waiting, Map<String, Double> working) {
        double total(String stage) {
            return waiting.getOrDefault(stage, 0.0) + working.getOrDefault(stage, 0.0);
        }

        double total() {
            double t = 0;
            for (double v : waiting.values()) t += v;
            for (double v : working.values()) t += v;
            return t;
        }
    }

    static Split split(ScenarioResults r) {
        List<String> stages = r.layout().stages();
        Map<String, Double> wait = new LinkedHashMap<>();
        Map<String, Double> work = new LinkedHashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            double w = 0;
            double k = 0;
            int n = 0;
            for (ReplicationDetail d : r.details()) {
                if (d.permanenceChildren() == 0) continue;
                w += d.stageWait()[s];
                k += d.stageWork()[s];
                n++;
            }
            if (n == 0) continue;
            wait.put(stages.get(s), w / n);
            work.put(stages.get(s), k / n);
        }
        return new Split(wait, work);
    }

    /** Every scenario's stages in one pathway order: the baseline's, with others' new stages after their predecessor. */
    static List<String> order(List<ScenarioResults> runs) {
        List<String> order = new ArrayList<>(runs.get(0).layout().stages());
        for (ScenarioResults r : runs.subList(1, runs.size())) {
            String previous = null;
            for (String s : r.layout().stages()) {
                if (!order.contains(s)) order.add(previous == null ? 0 : order.indexOf(previous) + 1, s);
                previous = s;
            }
        }
        return order;
    }

    static Figure draw(Runs runs) {
        NotDrawn.unlessACohort(runs);
        List<ScenarioResults> ranked = runs.ranked();
        List<Split> splits = ranked.stream().map(TimeSpentChart::split).toList();
        List<String> order = order(ranked);
        StageColours colours = new StageColours(order, splits.get(0));
        double max = 0;
        for (Split s : splits) max = Math.max(max, s.total() / 7);
        Plot plot = new Plot("Mean weeks from becoming looked after to permanence, per child who reached it", "");
        plot.rows(ranked.stream().map(Runs::name).toList(), LABELS, Set.of(0));
        plot.styler().setXAxisMin(0.0);
        double span = Math.ceil(max * 1.05 / 10) * 10;
        plot.styler().setXAxisMax(span);
        List<Object[]> labels = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            double y = plot.row(i);
            double x = 0;
            Split s = splits.get(i);
            for (String stage : order) {
                double wait = s.waiting().getOrDefault(stage, 0.0) / 7;
                double work = s.working().getOrDefault(stage, 0.0) / 7;
                if (wait + work <= 0) continue;
                if (wait > 0) colours.drawWaiting(plot, stage, runs, x, x + wait, y - 0.36, y + 0.36);
                if (work > 0) colours.drawWork(plot, stage, runs, x + wait, x + wait + work, y - 0.36, y + 0.36);
                // the label sits on the larger part, so its colour is judged against that part
                labels.add(new Object[] {stage, x, x + wait + work, y, wait > work ? colours.waiting(stage)
                        : colours.of(stage)});
                x += wait + work;
            }
            labels.add(new Object[] {null, x, x, y, null});
        }
        plot.overlay((g, chart) -> {
            g.setFont(Palette.font(Palette.SMALL - 3, false));
            FontMetrics fm = g.getFontMetrics();
            for (Object[] l : labels) {
                double x0 = chart.getScreenXFromChart((double) l[1]);
                double x1 = chart.getScreenXFromChart((double) l[2]);
                double yc = chart.getScreenYFromChart((double) l[3]) + fm.getAscent() / 2.0 - 2;
                g.setColor(Palette.TEXT);
                if (l[0] == null) {
                    g.setFont(Palette.font(Palette.SMALL, true));
                    g.drawString(Text.weeks((double) l[2] * 7), (float) x0 + 6, (float) yc + 1);
                    g.setFont(Palette.font(Palette.SMALL - 3, false));
                    continue;
                }
                String text = runs.stage((String) l[0]);
                if (fm.stringWidth(text) + 6 > x1 - x0) continue;
                Color c = (Color) l[4];
                boolean dark = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 140;
                g.setColor(dark ? Color.WHITE : Palette.TEXT);
                g.drawString(text, (float) (x1 - fm.stringWidth(text) - 3), (float) yc);
            }
        });
        Legend legend = colours.legend("Stage (in pathway order)", order, runs, "lighter shade: waiting (for a"
                + " solicitor, the ADM, a panel sitting, the next review, the other court branch)", span);
        return new Figure("where_time_goes", title(runs, splits, order), runs.subtitle())
                .panel(plot)
                .legend(legend, 300)
                .note("Each bar adds up to the mean time to permanence of the children who reached it. Where work runs"
                        + " in parallel (the court and the hearing's advice), its time is shared between the stages running.")
                .caption("Where the time to permanence goes: each bar is the mean time from becoming looked after to"
                        + " legal permanence, for the children who reached it, split into the stages they passed in"
                        + " pathway order. The lighter part of a stage is waiting: for a solicitor, the ADM or a panel"
                        + " sitting, for the date of the next review, or for the other branch of the court process;"
                        + " the darker part is the stage's own work. Where two things run in parallel, their shared"
                        + " time is split between them, so that each bar adds up to the time to permanence.");
    }

    private static String title(Runs runs, List<Split> splits, List<String> order) {
        Split base = splits.get(0);
        if (runs.main() == null) {
            List<String> byTime = new ArrayList<>(order);
            byTime.sort((a, b) -> Double.compare(base.total(b), base.total(a)));
            double waiting = 0;
            for (double v : base.waiting().values()) waiting += v;
            return String.format(Locale.ROOT, "Of the %s weeks to permanence, %s are spent waiting; the longest"
                    + " stages are %s (%s weeks) and %s (%s)", Text.weeks(base.total()), Text.weeks(waiting),
                    runs.stage(byTime.get(0)), Text.weeks(base.total(byTime.get(0))), runs.stage(byTime.get(1)),
                    Text.weeks(base.total(byTime.get(1))));
        }
        Split main = splits.get(1);
        String most = null;
        double cut = 0;
        for (String s : order) {
            double d = base.total(s) - main.total(s);
            if (d > cut) {
                cut = d;
                most = s;
            }
        }
        return String.format(Locale.ROOT, "%s cuts the mean time to permanence from %s to %s weeks, most of all at"
                + " %s (%s weeks less)", Runs.name(runs.main()), Text.weeks(base.total()), Text.weeks(main.total()),
                most == null ? "no stage" : runs.stage(most), Text.weeks(cut));
    }
}
