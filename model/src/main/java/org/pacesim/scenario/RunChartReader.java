package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.List;

/** Reads an experiment's {@code run_chart:} section; see {@link RunChartSpec}. */
final class RunChartReader {
    private RunChartReader() {}

    static RunChartSpec read(YamlNode node, Problems problems) {
        Fields f = new Fields(node, "run_chart", problems);
        f.allow("measures", "main", "within", "rules");
        RunChartSpec d = RunChartSpec.DEFAULT;
        List<String> measures = new ArrayList<>();
        if (f.node("measures") instanceof YamlNode.Seq s) {
            for (YamlNode item : s.items()) {
                if (item instanceof YamlNode.Scalar sc && sc.text() != null) measures.add(sc.text());
                else problems.add(item.at(), "run_chart.measures", "expected a measure's name", "e.g. [aim2, aim3]");
            }
        } else if (f.has("measures")) {
            f.bad("measures", "expected a list of measures", "e.g. measures: [aim2, aim3]");
        }
        String measure = d.mainMeasure();
        MeasureStat statistic = d.mainStatistic();
        if (f.has("main")) {
            Fields m = new Fields(f.node("main"), "run_chart.main", problems);
            m.allow("measure", "statistic");
            measure = m.text("measure", measure);
            String written = m.text("statistic", statistic.key());
            if (!RunChartSpec.STATISTICS.contains(MeasureStat.of(written))) {
                m.bad("statistic", "a run chart plots a month's median or its share within target, not '" + written
                        + "'", Names.hint(written, RunChartSpec.STATISTICS.stream().map(MeasureStat::key).toList(),
                        "statistic"));
            } else {
                statistic = MeasureStat.of(written);
            }
        }
        int within = (int) f.whole("within", d.within(), 1, 120, "a number of months, e.g. within: 6");
        int baseline = d.baselineMonths();
        int shift = d.shift();
        int trend = d.trend();
        double astronomical = d.astronomical();
        if (f.has("rules")) {
            Fields r = new Fields(f.node("rules"), "run_chart.rules", problems);
            r.allow("baseline_months", "shift", "trend", "astronomical");
            baseline = (int) r.whole("baseline_months", baseline, 1, 240, "the fewest baseline points, e.g. 12");
            shift = (int) r.whole("shift", shift, 2, 60, "points in a shift, e.g. 6");
            trend = (int) r.whole("trend", trend, 3, 60, "points in a trend, e.g. 5");
            astronomical = r.number("astronomical", astronomical, 0, 100,
                    "a multiple of the baseline's range, e.g. 0.5");
        }
        return new RunChartSpec(List.copyOf(measures), measure, statistic, within, baseline, shift, trend, astronomical);
    }
}
