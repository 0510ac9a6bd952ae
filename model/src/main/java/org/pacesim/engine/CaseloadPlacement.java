package org.pacesim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.pacesim.random.Categorical;
import org.pacesim.random.Distributions;
import org.pacesim.random.Sampler;
import org.pacesim.random.StreamBank;
import org.pacesim.random.StreamKey;

import umontreal.ssj.simevents.Event;

/**
 * Places today's caseload at the start of a replication: each child in its stage with the time it has already
 * spent there, longest-in-stage first (so that those furthest on hold the servers and head the queues). Children
 * known only in aggregate get their times drawn here, from streams of their own; levels not given are drawn too.
 */
final class CaseloadPlacement extends Event {
    private final Replication replication;
    private final Model model;
    private final StreamBank bank;
    private final int number;

    CaseloadPlacement(Replication replication, Model model, StreamBank bank, int number) {
        super(replication.simulator());
        this.replication = replication;
        this.model = model;
        this.bank = bank;
        this.number = number;
        setPriority(EventOrder.CASELOAD);
    }

    @Override
    public void actions() {
        List<Model.Placed> all = new ArrayList<>(Arrays.asList(model.caseload));
        for (int g = 0; g < model.caseloadGroups.length; g++) {
            Model.PlacedGroup group = model.caseloadGroups[g];
            Sampler inStage = Distributions.sampler(group.inStage(),
                    bank.stream(StreamKey.caseloadRow(g, StreamKey.Purpose.IN_STAGE), number), 1.0);
            Sampler since = Distributions.sampler(group.sinceAccommodation(),
                    bank.stream(StreamKey.caseloadRow(g, StreamKey.Purpose.SINCE), number), 1.0);
            double[] none = new double[model.milestoneCount];
            Arrays.fill(none, Double.NaN);
            for (int k = 0; k < group.count(); k++) {
                double in = inStage.sample();
                all.add(new Model.Placed(group.stage(), in, Math.max(in, since.sample()), group.levels(), none));
            }
        }
        // Longest in stage first, across stages (stages may share a resource); stable, so rows with equal
        // times keep their order in the file.
        all.sort(Comparator.comparing(Model.Placed::inStage, Comparator.reverseOrder()));
        Categorical[] draw = new Categorical[model.attributeNames.length];
        for (int a = 0; a < draw.length; a++) {
            draw[a] = new Categorical(model.attributeProbabilities[a],
                    bank.stream(StreamKey.caseloadAttribute(model.attributeNames[a]), number));
        }
        AgeDraw ages = new AgeDraw(model.scenario.attributes(), null, bank.stream(StreamKey.caseloadAge(), number));
        for (Model.Placed p : all) {
            int[] levels = new int[draw.length];
            for (int a = 0; a < levels.length; a++) levels[a] = p.levels()[a] >= 0 ? p.levels()[a] : draw[a].next();
            replication.place(p, levels, ages.next(levels));
        }
    }
}
